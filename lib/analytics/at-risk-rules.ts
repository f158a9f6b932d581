import type { AtRiskThresholds } from "./schemas";

/** What applies while a department has not set its own thresholds (AtRiskRule). */
export const DEFAULT_AT_RISK: AtRiskThresholds = {
  scoreDropPoints: 15,
  recentQuizzes: 2,
  lowScorePercent: 60,
  missedPreClassPercent: 50,
  absencePercent: 20,
  inactiveDays: 14,
};

/** Shares need at least this many occasions; one missed sign-in in week 1 is not a pattern. */
export const MIN_OCCASIONS = 2;

/** One student's activity in one course, aggregated by SQL (lib/analytics/at-risk.ts). */
export interface StudentFacts {
  /** Quiz results in percent, newest first. */
  quizPercents: readonly number[];
  preClassDue: number;
  preClassDone: number;
  signInsHeld: number;
  attended: number;
  lastActivityAt: Date | null;
  enrolledAt: Date;
}

export type AtRiskReason =
  | { code: "falling_scores"; recent: number; earlier: number }
  | { code: "low_scores"; recent: number }
  | { code: "missed_preclass"; missed: number; due: number }
  | { code: "absences"; absent: number; held: number }
  | { code: "inactive"; days: number };

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const DAY_MS = 86_400_000;

/**
 * Why a student may need a teacher to reach out, by the department's thresholds:
 *   falling_scores   the mean of the latest `recentQuizzes` results is `scoreDropPoints` or more below the mean of
 *                    the earlier ones (needs at least one earlier result)
 *   low_scores       the latest results average below `lowScorePercent` (0 switches it off)
 *   missed_preclass  no feedback on `missedPreClassPercent`% or more of the closed pre-class packages
 *   absences         absent from `absencePercent`% or more of the sign-ins held
 *   inactive         nothing done in the course (feedback, check-in, answer, attempt, submission, practice) for
 *                    `inactiveDays` days, counted from enrolment when there was never anything
 * Shares need MIN_OCCASIONS occasions. An empty list means not at risk.
 */
export function atRiskReasons(facts: StudentFacts, rule: AtRiskThresholds, now: Date): AtRiskReason[] {
  const reasons: AtRiskReason[] = [];
  const recent = facts.quizPercents.slice(0, rule.recentQuizzes);
  const earlier = facts.quizPercents.slice(rule.recentQuizzes);
  if (recent.length && earlier.length && mean(earlier) - mean(recent) >= rule.scoreDropPoints) {
    reasons.push({ code: "falling_scores", recent: mean(recent), earlier: mean(earlier) });
  }
  if (rule.lowScorePercent > 0 && recent.length && mean(recent) < rule.lowScorePercent) {
    reasons.push({ code: "low_scores", recent: mean(recent) });
  }
  const missed = facts.preClassDue - facts.preClassDone;
  if (facts.preClassDue >= MIN_OCCASIONS && missed * 100 >= rule.missedPreClassPercent * facts.preClassDue) {
    reasons.push({ code: "missed_preclass", missed, due: facts.preClassDue });
  }
  const absent = facts.signInsHeld - facts.attended;
  if (facts.signInsHeld >= MIN_OCCASIONS && absent * 100 >= rule.absencePercent * facts.signInsHeld) {
    reasons.push({ code: "absences", absent, held: facts.signInsHeld });
  }
  const since = facts.lastActivityAt ?? facts.enrolledAt;
  const days = Math.floor((now.getTime() - since.getTime()) / DAY_MS);
  if (days >= rule.inactiveDays) reasons.push({ code: "inactive", days });
  return reasons;
}
