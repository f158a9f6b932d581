import { describe, expect, it } from "vitest";
import { combineGrades } from "./combine-grades";
import { type ScoredAttempt, quizPercent } from "./quiz-percent";

const attempt = (number: number, score: number | null, maxScore = 10, status: ScoredAttempt["status"] = "SUBMITTED"): ScoredAttempt => ({
  number,
  score,
  maxScore,
  status,
});

describe("quizPercent", () => {
  const attempts = [attempt(1, 6), attempt(2, 9), attempt(3, 7)];
  it.each([
    ["HIGHEST", 90],
    ["LAST", 70],
    ["AVERAGE", (60 + 90 + 70) / 3],
  ] as const)("%s → %d", (scoring, expected) => {
    expect(quizPercent(scoring, attempts)).toBeCloseTo(expected, 10);
  });

  it("ignores attempts in progress and attempts waiting for marking", () => {
    const mixed = [attempt(1, 5), attempt(2, null), attempt(3, 10, 10, "IN_PROGRESS")];
    expect(quizPercent("LAST", mixed)).toBe(50);
    expect(quizPercent("HIGHEST", mixed)).toBe(50);
    expect(quizPercent("AVERAGE", [attempt(1, null)])).toBeNull();
    expect(quizPercent("HIGHEST", [])).toBeNull();
  });

  it("takes LAST by attempt number, not by list order", () => {
    expect(quizPercent("LAST", [attempt(2, 4), attempt(1, 8)])).toBe(40);
  });
});

describe("combineGrades", () => {
  const items = [
    { id: "usual", name: "平时", weight: 30 },
    { id: "mid", name: "期中", weight: 20 },
    { id: "final", name: "期末", weight: 50 },
  ];

  it("means each item's results and weighs only the items with results", () => {
    const result = combineGrades(items, [
      { itemId: "usual", percent: 80 },
      { itemId: "usual", percent: 100 },
      { itemId: "mid", percent: 70 },
      { itemId: null, percent: 0 },
      { itemId: "elsewhere", percent: 0 },
    ]);
    expect(result.items).toEqual([
      { id: "usual", percent: 90, count: 2 },
      { id: "mid", percent: 70, count: 1 },
      { id: "final", percent: null, count: 0 },
    ]);
    expect(result.countedWeight).toBe(50);
    expect(result.total).toBeCloseTo((30 * 90 + 20 * 70) / 50, 10);
  });

  it("has no total before anything is graded, and the full weighted mean at the end", () => {
    expect(combineGrades(items, [])).toMatchObject({ total: null, countedWeight: 0 });
    const all = combineGrades(items, [
      { itemId: "usual", percent: 90 },
      { itemId: "mid", percent: 70 },
      { itemId: "final", percent: 80 },
    ]);
    expect(all.countedWeight).toBe(100);
    expect(all.total).toBeCloseTo(0.3 * 90 + 0.2 * 70 + 0.5 * 80, 10);
  });
});
