import { describe, expect, it } from "vitest";
import { DEFAULT_AT_RISK, type StudentFacts, atRiskReasons } from "./at-risk-rules";

const NOW = new Date("2026-12-01T02:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const quiet: StudentFacts = {
  quizPercents: [],
  preClassDue: 0,
  preClassDone: 0,
  signInsHeld: 0,
  attended: 0,
  lastActivityAt: daysAgo(1),
  enrolledAt: daysAgo(90),
};
const codes = (facts: Partial<StudentFacts>, rule = DEFAULT_AT_RISK) => atRiskReasons({ ...quiet, ...facts }, rule, NOW).map((r) => r.code);

describe("atRiskReasons (defaults: drop 15 over the last 2, low < 60, missed ≥ 50%, absent ≥ 20%, inactive ≥ 14 days)", () => {
  it("flags falling scores: latest two 50, 55 (52.5) against 80, 90 before (85) — and, below 60, low scores", () => {
    const reasons = atRiskReasons({ ...quiet, quizPercents: [50, 55, 80, 90] }, DEFAULT_AT_RISK, NOW);
    expect(reasons).toEqual([
      { code: "falling_scores", recent: 52.5, earlier: 85 },
      { code: "low_scores", recent: 52.5 },
    ]);
  });

  it("does not flag steady scores, a drop smaller than the threshold, or a single result as falling", () => {
    expect(codes({ quizPercents: [70, 80, 75] })).toEqual([]);
    expect(codes({ quizPercents: [71, 71, 85] })).toEqual([]); // 14 points
    expect(codes({ quizPercents: [70, 70, 85] })).toEqual(["falling_scores"]); // exactly 15
    expect(codes({ quizPercents: [40] })).toEqual(["low_scores"]);
  });

  it("uses the department's thresholds: three recent quizzes, low scores switched off", () => {
    const rule = { ...DEFAULT_AT_RISK, recentQuizzes: 3, lowScorePercent: 0 };
    // recent 50, 55, 80 → 61.7; earlier 90 → drop 28.3
    expect(atRiskReasons({ ...quiet, quizPercents: [50, 55, 80, 90] }, rule, NOW)).toEqual([
      { code: "falling_scores", recent: (50 + 55 + 80) / 3, earlier: 90 },
    ]);
  });

  it("flags missed pre-class work from half of the closed packages", () => {
    expect(atRiskReasons({ ...quiet, preClassDue: 10, preClassDone: 5 }, DEFAULT_AT_RISK, NOW)).toEqual([{ code: "missed_preclass", missed: 5, due: 10 }]);
    expect(codes({ preClassDue: 10, preClassDone: 6 })).toEqual([]);
    expect(codes({ preClassDue: 1, preClassDone: 0 })).toEqual([]); // one occasion is no pattern
  });

  it("flags absences from 20% of the sign-ins held", () => {
    expect(atRiskReasons({ ...quiet, signInsHeld: 10, attended: 8 }, DEFAULT_AT_RISK, NOW)).toEqual([{ code: "absences", absent: 2, held: 10 }]);
    expect(codes({ signInsHeld: 10, attended: 9 })).toEqual([]);
    expect(codes({ signInsHeld: 1, attended: 0 })).toEqual([]);
  });

  it("flags 14 days without activity, counted from enrolment when there never was any", () => {
    expect(atRiskReasons({ ...quiet, lastActivityAt: daysAgo(14) }, DEFAULT_AT_RISK, NOW)).toEqual([{ code: "inactive", days: 14 }]);
    expect(codes({ lastActivityAt: daysAgo(13.5) })).toEqual([]);
    expect(atRiskReasons({ ...quiet, lastActivityAt: null, enrolledAt: daysAgo(20) }, DEFAULT_AT_RISK, NOW)).toEqual([{ code: "inactive", days: 20 }]);
    expect(codes({ lastActivityAt: null, enrolledAt: daysAgo(3) })).toEqual([]);
  });

  it("gives every reason that applies, in a fixed order", () => {
    expect(
      codes({ quizPercents: [30, 40, 90], preClassDue: 4, preClassDone: 0, signInsHeld: 4, attended: 1, lastActivityAt: daysAgo(30) }),
    ).toEqual(["falling_scores", "low_scores", "missed_preclass", "absences", "inactive"]);
  });
});
