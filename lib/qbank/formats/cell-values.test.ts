import { describe, expect, it } from "vitest";
import { formatFillIn, parseCaseCell, parseCaseSensitive, parseChoiceKeys, parseDifficulty, parseFillIn, parseScoring, parseTrueFalse, parseTypeWord } from "./cell-values";

describe("template cell values", () => {
  it.each([
    ["单选", "SINGLE", false],
    ["单选题", "SINGLE", false],
    ["单项选择题", "SINGLE", false],
    ["A1型题", "SINGLE", false],
    ["a2", "SINGLE", false],
    ["B1型", "SINGLE", false],
    ["A3", "SINGLE", true],
    ["A3/A4型题", "SINGLE", true],
    ["共用题干", "SINGLE", true],
    ["多选", "MULTIPLE", false],
    ["X型题", "MULTIPLE", false],
    ["Ｘ型", "MULTIPLE", false],
    ["判断题", "TRUE_FALSE", false],
    ["是非", "TRUE_FALSE", false],
    ["填空题", "FILL_IN", false],
    ["简答", "SHORT_ANSWER", false],
    ["名词解释", "SHORT_ANSWER", false],
    ["Essay", "SHORT_ANSWER", false],
  ])("reads the type %s", (text, type, caseRequired) => {
    expect(parseTypeWord(text)).toEqual({ type, caseRequired });
  });

  it.each(["", "选择", "论述选择", "A5"])("does not guess the type %j", (text) => {
    expect(parseTypeWord(text)).toBeNull();
  });

  it.each([
    ["B", ["B"]],
    ["ACD", ["A", "C", "D"]],
    ["A,C,D", ["A", "C", "D"]],
    ["A、C、D", ["A", "C", "D"]],
    [" a c ", ["A", "C"]],
    ["ＡＢ", ["A", "B"]],
    ["A1", null],
    ["对", null],
  ])("reads the choice answer %j", (text, keys) => {
    expect(parseChoiceKeys(text)).toEqual(keys);
  });

  it.each([
    ["对", true],
    ["√", true],
    ["✓", true],
    ["正确", true],
    ["T", true],
    ["true", true],
    ["Ｔ", true],
    ["错", false],
    ["×", false],
    ["错误", false],
    ["F", false],
    ["FALSE", false],
    ["否", false],
    ["也许", null],
    ["", null],
  ])("reads the true/false answer %j", (text, value) => {
    expect(parseTrueFalse(text)).toBe(value);
  });

  it.each([
    ["二尖瓣", [["二尖瓣"]]],
    ["二尖瓣/mitral|收缩期", [["二尖瓣", "mitral"], ["收缩期"]]],
    ["二尖瓣／mitral｜收缩期", [["二尖瓣", "mitral"], ["收缩期"]]],
    [" a / b | c ", [["a", "b"], ["c"]]],
    ["120\\/80", [["120/80"]]],
    ["a\\|b|c", [["a|b"], ["c"]]],
    ["a//b", [["a", "b"]]],
    ["a||b", null],
    ["|", null],
  ])("reads the fill-in answer %j", (text, blanks) => {
    expect(parseFillIn(text)).toEqual(blanks);
  });

  it("writes fill-in answers back in the syntax it reads", () => {
    const answer = [["120/80", "a|b"], ["back\\slash", "二尖瓣"]];
    expect(formatFillIn(answer)).toBe("120\\/80/a\\|b|back\\\\slash/二尖瓣");
    expect(parseFillIn(formatFillIn(answer))).toEqual(answer);
  });

  it.each([
    ["", 3],
    ["1", 1],
    ["5", 5],
    ["3.0", 3],
    ["易", 1],
    ["较难", 4],
    ["困难", 5],
    ["6", null],
    ["0.5", null],
    ["很难", null],
  ])("reads the difficulty %j", (text, value) => {
    expect(parseDifficulty(text)).toBe(value);
  });

  it.each([
    ["", "ALL_OR_NOTHING"],
    ["全对", "ALL_OR_NOTHING"],
    ["漏选半分", "HALF_FOR_SUBSET"],
    ["对减错", "RIGHT_MINUS_WRONG"],
    ["按空计分", "RIGHT_MINUS_WRONG"],
    ["随便", null],
  ])("reads the scoring %j", (text, rule) => {
    expect(parseScoring(text)).toBe(rule);
  });

  it.each([
    ["", true],
    ["否", true],
    ["是", false],
    ["区分", false],
    ["也许", null],
  ])("reads 区分大小写 %j as caseInsensitive %s", (text, value) => {
    expect(parseCaseSensitive(text)).toBe(value);
  });

  it.each([
    ["", null],
    ["【病例1】患者男，58岁。", { key: "病例1", vignette: "患者男，58岁。" }],
    ["【病例1】", { key: "病例1", vignette: null }],
    ["[Case 2] A man of 58.", { key: "Case 2", vignette: "A man of 58." }],
    ["患者男，58岁。\n胸痛 2 小时。", { key: "患者男，58岁。 胸痛 2 小时。", vignette: "患者男，58岁。\n胸痛 2 小时。" }],
  ])("reads the case cell %j", (text, value) => {
    expect(parseCaseCell(text)).toEqual(value);
  });
});
