import { describe, expect, it } from "vitest";
import { quizScoreOf } from "./quiz-score";

const submitted = (number: number, score: number | null, maxScore = 10) => ({ number, status: "SUBMITTED" as const, score, maxScore });
const running = (number: number) => ({ number, status: "IN_PROGRESS" as const, score: null, maxScore: 10 });

describe("quizScoreOf", () => {
  it("is null before anything was submitted", () => {
    expect(quizScoreOf("HIGHEST", [])).toBeNull();
    expect(quizScoreOf("LAST", [running(1)])).toBeNull();
  });

  it.each([
    ["HIGHEST", { score: 8, maxScore: 10, percent: 80, pending: false, counted: [2] }],
    ["LAST", { score: 6, maxScore: 10, percent: 60, pending: false, counted: [3] }],
    ["AVERAGE", { score: 6, maxScore: 10, percent: 60, pending: false, counted: [1, 2, 3] }],
  ] as const)("%s of 4, 8, 6 (and one in progress)", (rule, expected) => {
    expect(quizScoreOf(rule, [submitted(1, 4), submitted(2, 8), submitted(3, 6), running(4)])).toEqual(expected);
  });

  it("compares by percentage when random draws gave attempts different maxima", () => {
    expect(quizScoreOf("HIGHEST", [submitted(1, 9, 12), submitted(2, 8, 10)])).toMatchObject({ score: 8, maxScore: 10, percent: 80 });
  });

  it("waits for marking where it matters", () => {
    expect(quizScoreOf("LAST", [submitted(1, 8), submitted(2, null)])).toMatchObject({ score: null, percent: null, pending: true });
    expect(quizScoreOf("AVERAGE", [submitted(1, 8), submitted(2, null)])).toMatchObject({ score: null, pending: true });
    expect(quizScoreOf("HIGHEST", [submitted(1, 8), submitted(2, null)])).toMatchObject({ score: 8, pending: true, counted: [1] });
    expect(quizScoreOf("HIGHEST", [submitted(1, null)])).toMatchObject({ score: null, pending: true, counted: [] });
    expect(quizScoreOf("LAST", [submitted(1, null), submitted(2, 7)])).toMatchObject({ score: 7, pending: true });
  });
});
