import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/i18n/config";
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

describe("the passive replies' texts", () => {
  // Option letters, a length limit and the lesson's link: nothing a teacher or student wrote can be put in a reply.
  const ALLOWED_ARGUMENTS = ["choice", "last", "link", "max"];

  it.each(LOCALES)("in %s take no argument that could carry a topic's content", (locale) => {
    const messages = JSON.parse(fs.readFileSync(path.join("messages", locale, "wechatCallback.json"), "utf8")) as Record<string, string>;
    const used = Object.values(messages).flatMap((text) => [...text.matchAll(/\{\s*(\w+)/g)].map((match) => match[1]));
    expect([...new Set(used)].filter((name) => !ALLOWED_ARGUMENTS.includes(name))).toEqual([]);
  });
});
