import { describe, expect, it } from "vitest";
import { shortPrompt } from "./inbound-replies";
import { choicesIn } from "./inbound-text";

describe("choicesIn", () => {
  it.each([
    ["B", 3, [1]],
    ["b", 3, [1]],
    ["Ａ", 3, [0]],
    ["a, c", 3, [0, 2]],
    ["A、C。", 3, [0, 2]],
    ["ac", 3, [0, 2]],
    [" C ", 3, [2]],
    ["D", 3, null],
    ["1", 3, null],
    ["选A", 3, null],
    ["二尖瓣狭窄", 3, null],
    ["", 3, null],
    ["ABCDEFGHI", 9, null],
  ] as const)("reads %j with %i options as %j", (text, count, expected) => {
    expect(choicesIn(text, count)).toEqual(expected);
  });
});

describe("shortPrompt", () => {
  it("keeps a short prompt, on one line", () => {
    expect(shortPrompt("  最可能的\n诊断是？ ")).toBe("最可能的 诊断是？");
  });

  it("cuts after 20 characters without splitting one", () => {
    expect(shortPrompt("这位患者心尖区舒张期隆隆样杂音提示什么？请结合病史")).toBe("这位患者心尖区舒张期隆隆样杂音提示什么？…");
    expect(shortPrompt("🫀".repeat(25))).toBe(`${"🫀".repeat(20)}…`);
  });
});
