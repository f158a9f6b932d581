import { describe, expect, it } from "vitest";
import type { Rubric } from "@/lib/rubric/rubric";
import {
  type Aggregation,
  activityGrade,
  aggregate,
  assessmentPercent,
  calibrationCloseness,
  effectiveSubmissionGrade,
  gradeSubmission,
  reviewGradeOf,
  reviewingGrade,
} from "./grades";

// Three scored criteria of four levels (0–3 points, span 3 each, 9 in all) and one comment-only criterion.
const level = (n: number) => ({ id: `l${n}`, title: `L${n}`, description: "", points: n });
const RUBRIC: Rubric = [
  { kind: "levels", id: "history", title: "病史采集", description: "", levels: [0, 1, 2, 3].map(level) },
  { kind: "levels", id: "exam", title: "体格检查", description: "", levels: [0, 1, 2, 3].map(level) },
  { kind: "levels", id: "diagnosis", title: "诊断思路", description: "", levels: [0, 1, 2, 3].map(level) },
  { kind: "comment", id: "advice", title: "改进建议", description: "" },
];
const COMMENT_ONLY: Rubric = [{ kind: "comment", id: "advice", title: "改进建议", description: "" }];

/** Levels for (history, exam, diagnosis). */
const L = (h: number, e: number, d: number) => ({ history: `l${h}`, exam: `l${e}`, diagnosis: `l${d}` });

describe("assessment percentages", () => {
  it.each([
    [L(3, 3, 3), 100],
    [L(2, 3, 3), 88.89],
    [L(0, 1, 1), 22.22],
    [L(0, 0, 0), 0],
    [{ history: "l3", exam: "l3" }, null],
    [{ history: "l3", exam: "l3", diagnosis: "nope" }, null],
  ])("%j → %s", (levels, percent) => {
    expect(assessmentPercent(RUBRIC, levels)).toBe(percent);
  });

  it("a comment-only rubric scores nothing", () => {
    expect(assessmentPercent(COMMENT_ONLY, {})).toBeNull();
  });
});

describe("aggregate", () => {
  it.each<[number[], Aggregation, number | null]>([
    [[], "MEAN", null],
    [[80], "MEDIAN_FROM_4", 80],
    [[100, 88.89, 22.22], "MEDIAN_FROM_4", 70.37],
    [[100, 88.89, 66.67, 22.22], "MEDIAN_FROM_4", 77.78],
    [[100, 90, 20, 10, 0], "MEDIAN_FROM_4", 20],
    [[100, 90, 20, 10], "MEAN", 55],
  ])("%j with %s → %s", (percents, aggregation, expected) => {
    expect(aggregate(percents, aggregation)).toBe(expected);
  });
});

describe("gradeSubmission: worked examples", () => {
  it("three reviews: B is nearest the consensus, A one level off B, C far off", () => {
    // Consensus (5/3, 7/3, 7/3); distances to it A 8/27, B 5/27, C 13/27 → B is the best assessment.
    const result = gradeSubmission(RUBRIC, "MEDIAN_FROM_4", [
      { id: "A", levels: L(3, 3, 3) },
      { id: "B", levels: L(2, 3, 3) },
      { id: "C", levels: L(0, 1, 1) },
    ]);
    expect(result).toEqual({
      grade: 70.37,
      // A: D(A, B) = 1/9 → 100 − 150/9; C: D(C, B) = 6/9 → 0.
      reviewGrades: { A: 83.33, B: 100, C: 0 },
      bestId: "B",
      consensusDistance: { A: 0.3, B: 0.19, C: 0.48 },
      flags: [],
    });
  });

  it("four reviews with MEDIAN_FROM_4 take the median; with MEAN the mean", () => {
    const four = [
      { id: "A", levels: L(3, 3, 3) },
      { id: "B", levels: L(2, 3, 3) },
      { id: "C", levels: L(2, 2, 2) },
      { id: "D", levels: L(0, 1, 1) },
    ];
    expect(gradeSubmission(RUBRIC, "MEDIAN_FROM_4", four).grade).toBe(77.78);
    expect(gradeSubmission(RUBRIC, "MEAN", four).grade).toBe(69.44);
  });

  it("two reviews that disagree: both are compared with the consensus, neither is taken as right", () => {
    const result = gradeSubmission(RUBRIC, "MEAN", [
      { id: "A", levels: L(3, 3, 3) },
      { id: "B", levels: L(0, 0, 0) },
    ]);
    // Consensus (1.5, 1.5, 1.5): D = 4.5/9 = 0.5 for both → 100 − 75.
    expect(result).toMatchObject({ grade: 50, reviewGrades: { A: 25, B: 25 }, bestId: null, flags: [] });
  });

  it("two reviews that agree both score 100", () => {
    const result = gradeSubmission(RUBRIC, "MEAN", [
      { id: "A", levels: L(2, 2, 3) },
      { id: "B", levels: L(2, 2, 3) },
    ]);
    expect(result).toMatchObject({ grade: 77.78, reviewGrades: { A: 100, B: 100 }, flags: [] });
  });

  it("missing reviews: the grade uses what arrived and the teacher is told", () => {
    const result = gradeSubmission(RUBRIC, "MEDIAN_FROM_4", [
      { id: "A", levels: L(2, 3, 3) },
      { id: "B", levels: null },
      { id: "C", levels: null },
    ]);
    expect(result).toMatchObject({ grade: 88.89, reviewGrades: { A: 100 }, bestId: "A", flags: ["missing_reviews"] });
  });

  it("no review arrived: no grade, the teacher grades", () => {
    expect(gradeSubmission(RUBRIC, "MEAN", [{ id: "A", levels: null }])).toMatchObject({ grade: null, reviewGrades: {}, flags: ["no_reviews"] });
    expect(gradeSubmission(RUBRIC, "MEAN", [])).toMatchObject({ grade: null, flags: ["no_reviews"] });
  });

  it("an incomplete assessment counts as not submitted", () => {
    const result = gradeSubmission(RUBRIC, "MEAN", [
      { id: "A", levels: { history: "l3" } },
      { id: "B", levels: L(3, 3, 3) },
    ]);
    expect(result).toMatchObject({ grade: 100, reviewGrades: { B: 100 }, flags: ["missing_reviews"] });
  });

  it("a comment-only rubric: the teacher grades, done reviews score 100", () => {
    const result = gradeSubmission(COMMENT_ONLY, "MEAN", [
      { id: "A", levels: {} },
      { id: "B", levels: null },
    ]);
    expect(result).toMatchObject({ grade: null, reviewGrades: { A: 100 }, flags: ["missing_reviews", "teacher_grade"] });
  });
});

describe("review grade scale", () => {
  it.each([
    [0, 100],
    [1 / 9, 83.33],
    [1 / 3, 50],
    [2 / 3, 0],
    [1, 0],
  ])("distance %s → %s", (distance, grade) => {
    expect(reviewGradeOf(distance)).toBe(grade);
  });
});

describe("grade for reviewing and activity grade", () => {
  it.each([
    ["all done", [{ reviewGrade: 83.33, submitted: true }, { reviewGrade: 100, submitted: true }], 91.67],
    ["one not done counts 0", [{ reviewGrade: 83.33, submitted: true }, { reviewGrade: 100, submitted: true }, { reviewGrade: null, submitted: false }], 61.11],
    ["nothing allocated", [], null],
  ])("%s", (_label, allocated, expected) => {
    expect(reviewingGrade(allocated)).toBe(expected);
  });

  it.each<[number | null, number | null, number, number | null]>([
    [70.37, 61.11, 80, 68.52],
    [90, null, 80, 90],
    [null, 50, 80, null],
    [60, 100, 0, 100],
    [60, 100, 100, 60],
  ])("submission %s, reviewing %s, weight %s → %s", (submission, reviewing, weight, expected) => {
    expect(activityGrade(submission, reviewing, weight)).toBe(expected);
  });

  it("a teacher's override wins and is marked", () => {
    expect(effectiveSubmissionGrade(70.37, null)).toEqual({ grade: 70.37, overridden: false });
    expect(effectiveSubmissionGrade(70.37, 85)).toEqual({ grade: 85, overridden: true });
    expect(effectiveSubmissionGrade(null, 0)).toEqual({ grade: 0, overridden: true });
  });
});

describe("calibration closeness", () => {
  it.each([
    [L(3, 3, 3), L(3, 3, 3), 100],
    [L(2, 3, 3), L(3, 3, 3), 83.33],
    [L(1, 1, 1), L(3, 3, 3), 0],
    [{ history: "l1" }, L(3, 3, 3), null],
  ])("%j against %j → %s", (attempt, reference, closeness) => {
    expect(calibrationCloseness(RUBRIC, attempt, reference)).toBe(closeness);
  });
});
