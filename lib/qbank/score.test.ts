import { describe, expect, it } from "vitest";
import type { PartialCredit } from "@/generated/prisma/client";
import type { ScorableQuestion } from "./question-shapes";
import { confidenceScore, normalizeText, pointsFor, scoreResponse } from "./score";

const options = (keys: string) => [...keys].map((key) => ({ key, text: `选项${key}` }));

const single: ScorableQuestion = { type: "SINGLE", options: options("ABCD"), answer: ["B"], partialCredit: "ALL_OR_NOTHING", caseInsensitive: true };
const multiple = (partialCredit: PartialCredit): ScorableQuestion => ({
  type: "MULTIPLE",
  options: options("ABCDE"),
  answer: ["A", "C", "D"],
  partialCredit,
  caseInsensitive: true,
});
const trueFalse: ScorableQuestion = { type: "TRUE_FALSE", options: [], answer: [false], partialCredit: "ALL_OR_NOTHING", caseInsensitive: true };
const fillIn = (partialCredit: PartialCredit, caseInsensitive = true): ScorableQuestion => ({
  type: "FILL_IN",
  options: [],
  answer: [["二尖瓣", "mitral"], ["收缩期"]],
  partialCredit,
  caseInsensitive,
});
const shortAnswer: ScorableQuestion = { type: "SHORT_ANSWER", options: [], answer: [], partialCredit: "ALL_OR_NOTHING", caseInsensitive: true };

const right = { fraction: 1, correct: true, answered: true };
const wrong = { fraction: 0, correct: false, answered: true };
const partly = (fraction: number) => ({ fraction, correct: false, answered: true });
const unanswered = { fraction: 0, correct: false, answered: false };

describe("scoreResponse", () => {
  it.each([
    // single choice
    ["single: right key", single, ["B"], right],
    ["single: wrong key", single, ["A"], wrong],
    ["single: nothing picked", single, [], unanswered],
    ["single: null", single, null, unanswered],
    ["single: undefined", single, undefined, unanswered],
    ["single: a bare string instead of a list", single, "B", unanswered],
    ["single: a key that is no option key", single, ["Z"], unanswered],
    ["single: two keys (not a single-choice response)", single, ["A", "B"], unanswered],
    ["single: a number", single, [1], unanswered],
    ["single: lower-case key", single, ["b"], unanswered],
    ["single: a key valid in general but not an option of this question", single, ["E"], wrong],
    ["single: the rule of a multiple question changes nothing", { ...single, partialCredit: "HALF_FOR_SUBSET" as const }, ["A"], wrong],

    // multiple choice, all or nothing
    ["multiple/all-or-nothing: exactly right", multiple("ALL_OR_NOTHING"), ["A", "C", "D"], right],
    ["multiple/all-or-nothing: order does not matter", multiple("ALL_OR_NOTHING"), ["D", "A", "C"], right],
    ["multiple/all-or-nothing: a key missing", multiple("ALL_OR_NOTHING"), ["A", "C"], wrong],
    ["multiple/all-or-nothing: one wrong key too many", multiple("ALL_OR_NOTHING"), ["A", "B", "C", "D"], wrong],
    ["multiple/all-or-nothing: nothing", multiple("ALL_OR_NOTHING"), [], unanswered],
    ["multiple/all-or-nothing: not a list", multiple("ALL_OR_NOTHING"), { A: true }, unanswered],

    // multiple choice, right minus wrong: (right − wrong) / 3, at least 0
    ["multiple/right-minus-wrong: exactly right", multiple("RIGHT_MINUS_WRONG"), ["A", "C", "D"], right],
    ["multiple/right-minus-wrong: 2 right", multiple("RIGHT_MINUS_WRONG"), ["A", "C"], partly(2 / 3)],
    ["multiple/right-minus-wrong: 3 right 1 wrong", multiple("RIGHT_MINUS_WRONG"), ["A", "B", "C", "D"], partly(2 / 3)],
    ["multiple/right-minus-wrong: 1 right 1 wrong", multiple("RIGHT_MINUS_WRONG"), ["A", "B"], wrong],
    ["multiple/right-minus-wrong: only wrong ones (never below 0)", multiple("RIGHT_MINUS_WRONG"), ["B", "E"], wrong],
    ["multiple/right-minus-wrong: everything picked", multiple("RIGHT_MINUS_WRONG"), ["A", "B", "C", "D", "E"], partly(1 / 3)],
    ["multiple/right-minus-wrong: a key repeated counts once", multiple("RIGHT_MINUS_WRONG"), ["A", "A", "C"], partly(2 / 3)],

    // multiple choice, half for a subset (漏选得一半)
    ["multiple/half: exactly right", multiple("HALF_FOR_SUBSET"), ["A", "C", "D"], right],
    ["multiple/half: one right key only", multiple("HALF_FOR_SUBSET"), ["A"], partly(0.5)],
    ["multiple/half: two right keys", multiple("HALF_FOR_SUBSET"), ["C", "D"], partly(0.5)],
    ["multiple/half: a wrong key spoils it", multiple("HALF_FOR_SUBSET"), ["A", "B"], wrong],
    ["multiple/half: all right plus a wrong one", multiple("HALF_FOR_SUBSET"), ["A", "B", "C", "D"], wrong],
    ["multiple/half: nothing", multiple("HALF_FOR_SUBSET"), [], unanswered],

    // true / false
    ["true/false: right", trueFalse, [false], right],
    ["true/false: wrong", trueFalse, [true], wrong],
    ["true/false: nothing", trueFalse, [], unanswered],
    ["true/false: the word, not a boolean", trueFalse, ["false"], unanswered],
    ["true/false: 0 for false", trueFalse, [0], unanswered],
    ["true/false: two values", trueFalse, [true, false], unanswered],

    // fill-in, all blanks needed
    ["fill-in: both blanks right", fillIn("ALL_OR_NOTHING"), ["二尖瓣", "收缩期"], right],
    ["fill-in: an alternative answer", fillIn("ALL_OR_NOTHING"), ["mitral", "收缩期"], right],
    ["fill-in: case ignored", fillIn("ALL_OR_NOTHING"), ["MITRAL", "收缩期"], right],
    ["fill-in: full-width letters", fillIn("ALL_OR_NOTHING"), ["Ｍｉｔｒａｌ", "收缩期"], right],
    ["fill-in: surrounding spaces and a full-width space", fillIn("ALL_OR_NOTHING"), ["  mitral\u3000", " 收缩期 "], right],
    ["fill-in: blanks swapped", fillIn("ALL_OR_NOTHING"), ["收缩期", "二尖瓣"], wrong],
    ["fill-in: one blank wrong", fillIn("ALL_OR_NOTHING"), ["三尖瓣", "收缩期"], wrong],
    ["fill-in: one blank empty", fillIn("ALL_OR_NOTHING"), ["二尖瓣", ""], wrong],
    ["fill-in: only the first blank given", fillIn("ALL_OR_NOTHING"), ["二尖瓣"], wrong],
    ["fill-in: extra blanks ignored", fillIn("ALL_OR_NOTHING"), ["二尖瓣", "收缩期", "多余"], right],
    ["fill-in: all blanks blank", fillIn("ALL_OR_NOTHING"), ["", "  "], unanswered],
    ["fill-in: not strings", fillIn("ALL_OR_NOTHING"), [1, 2], unanswered],
    ["fill-in: a string instead of a list", fillIn("ALL_OR_NOTHING"), "二尖瓣", unanswered],

    // fill-in, each blank counts
    ["fill-in/per blank: both right", fillIn("RIGHT_MINUS_WRONG"), ["二尖瓣", "收缩期"], right],
    ["fill-in/per blank: one of two", fillIn("RIGHT_MINUS_WRONG"), ["二尖瓣", "舒张期"], partly(0.5)],
    ["fill-in/per blank: one given, one empty", fillIn("HALF_FOR_SUBSET"), ["", "收缩期"], partly(0.5)],
    ["fill-in/per blank: none right", fillIn("RIGHT_MINUS_WRONG"), ["三尖瓣", "舒张期"], wrong],

    // fill-in, case-sensitive
    ["fill-in/case-sensitive: exact", fillIn("ALL_OR_NOTHING", false), ["mitral", "收缩期"], right],
    ["fill-in/case-sensitive: other case", fillIn("ALL_OR_NOTHING", false), ["Mitral", "收缩期"], wrong],
    ["fill-in/case-sensitive: full-width still equal", fillIn("ALL_OR_NOTHING", false), ["ｍｉｔｒａｌ", "收缩期"], right],

    // short answer: marked by a teacher
    ["short answer: text", shortAnswer, ["心尖区舒张期杂音"], { fraction: null, correct: null, answered: true }],
    ["short answer: blank text", shortAnswer, ["   "], { fraction: null, correct: null, answered: false }],
    ["short answer: nothing", shortAnswer, [], { fraction: null, correct: null, answered: false }],
    ["short answer: malformed", shortAnswer, { text: "x" }, { fraction: null, correct: null, answered: false }],
  ] as const)("%s", (_case, question, response, expected) => {
    const result = scoreResponse(question as ScorableQuestion, response);
    expect(result.answered).toBe(expected.answered);
    expect(result.correct).toBe(expected.correct);
    if (expected.fraction === null) expect(result.fraction).toBeNull();
    else expect(result.fraction).toBeCloseTo(expected.fraction, 10);
  });

  it("collapses inner spaces when comparing fill-in answers", () => {
    const question: ScorableQuestion = { ...fillIn("ALL_OR_NOTHING"), answer: [["left ventricle"]] };
    expect(scoreResponse(question, ["left    ventricle"])).toEqual(right);
    expect(scoreResponse(question, ["leftventricle"])).toEqual(wrong);
  });

  it.each([
    ["an answer key that is not an option", { ...single, answer: ["F"] }],
    ["options that are not a list", { ...single, options: "A,B" }],
    ["a single-choice key with two answers", { ...single, answer: ["A", "B"] }],
    ["a true/false key that is a string", { ...trueFalse, answer: ["false"] }],
    ["a fill-in key without blanks", { ...fillIn("ALL_OR_NOTHING"), answer: [] }],
  ])("scores nothing, without throwing, for a stored question with %s", (_case, question) => {
    const response = question.type === "TRUE_FALSE" ? [false] : question.type === "FILL_IN" ? ["二尖瓣"] : ["A"];
    expect(scoreResponse(question as ScorableQuestion, response)).toEqual({ fraction: 0, correct: false, answered: true });
  });

  it("normalises text for comparison: NFKC, spaces, optional case", () => {
    expect(normalizeText("  ＡＢＣ\u3000 d ", true)).toBe("abc d");
    expect(normalizeText("ＡＢＣ", false)).toBe("ABC");
  });
});

describe("confidence-based marking", () => {
  // LAPT marks for 3 points: right 1/2/3, wrong 0/−2/−6 marks, scaled so that a sure right answer earns 3.
  it.each([
    [1, 1, 1],
    [1, 2, 2],
    [1, 3, 3],
    [0, 1, 0],
    [0, 2, -2],
    [0, 3, -6],
    [0.5, 3, 1.5],
    [0.5, 1, 0.5],
    [2 / 3, 2, 4 / 3],
  ])("fraction %s at confidence %s scores %s of 3 points", (fraction, confidence, expected) => {
    expect(confidenceScore(3, fraction, confidence)).toBeCloseTo(expected, 10);
  });

  it.each([
    ["no confidence given", null],
    ["a level out of range", 5],
    ["level 0", 0],
    ["a fractional level", 2.5],
  ])("treats %s as the lowest level", (_case, confidence) => {
    expect(confidenceScore(3, 1, confidence)).toBe(1);
    expect(confidenceScore(3, 0, confidence)).toBe(0);
  });

  it("scales with the question's points", () => {
    expect(confidenceScore(6, 1, 3)).toBe(6);
    expect(confidenceScore(6, 0, 3)).toBe(-12);
  });
});

describe("pointsFor", () => {
  it.each([
    ["plain: right", 2, 1, false, null, 2],
    ["plain: wrong", 2, 0, false, 3, 0],
    ["plain: half", 2, 0.5, false, null, 1],
    ["plain: two thirds, rounded to cents", 1, 2 / 3, false, null, 0.67],
    ["plain: one third", 1, 1 / 3, false, null, 0.33],
    ["plain: confidence ignored without CBM", 1, 0, false, 3, 0],
    ["CBM: sure and right", 3, 1, true, 3, 3],
    ["CBM: sure and wrong", 1, 0, true, 3, -2],
    ["CBM: unsure and right", 1, 1, true, 1, 0.33],
    ["CBM: fairly sure and right", 1, 1, true, 2, 0.67],
    ["CBM: fairly sure and wrong", 3, 0, true, 2, -2],
    ["CBM: unanswered (fraction 0, no confidence)", 1, 0, true, null, 0],
    ["CBM: partly right at high confidence, no penalty", 2, 0.5, true, 3, 1],
  ] as const)("%s", (_case, points, fraction, confidenceMarking, confidence, expected) => {
    expect(pointsFor(points, fraction, { confidenceMarking, confidence })).toBeCloseTo(expected, 10);
  });
});
