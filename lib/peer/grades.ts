import { type Rubric, rubricMaxPoints, rubricScore, scoredCriteria } from "@/lib/rubric/rubric";

/**
 * Peer-review grades, pure. All grades are percentages 0–100, rounded to 2 decimals.
 *
 * Submission grade: the mean of the submitted peer assessments' percentages, or their median when there are 4 or
 * more and the activity says MEDIAN_FROM_4. Missing reviews: the grade uses what arrived and the teacher is told;
 * none arrived: no grade (the teacher grades). A teacher's override always wins and is shown as such.
 *
 * Grade for reviewing — Moodle Workshop's "comparison with the best assessment":
 *   distance D(x, y) = Σ_c |points_c(x) − points_c(y)| / Σ_c span_c over the rubric's scored criteria, where span_c
 *     is the criterion's highest minus lowest level points; so D is 0 for the same levels everywhere and 1 for
 *     opposite ends everywhere, and criteria worth more points weigh more.
 *   consensus = the per-criterion mean points of a submission's submitted peer assessments;
 *   best = the assessment nearest the consensus. When several are equally near (two reviews always are), the
 *     consensus itself is the reference, so neither of two disagreeing reviewers is picked as "right".
 *   review grade(x) = max(0, 100 − 100 × STRICTNESS × D(x, reference)), STRICTNESS = 1.5: one level off on one of three
 *     four-level criteria (D = 1/9) scores 83.33; a review a third of the rubric's range away from the reference
 *     scores 50; two thirds away or more, 0. A lone assessment has nothing to be compared with and scores 100.
 *   A reviewer's grade for reviewing = the mean over their allocated peer assessments, unsubmitted ones counting 0;
 *     none allocated → no grade for reviewing (the activity grade is then the submission grade alone).
 *   Self-assessments count in neither grade.
 * Activity grade = submissionWeight% × submission grade + (100 − submissionWeight)% × grade for reviewing.
 * Calibration closeness = the same review grade, with the teacher's reference assessment as the reference.
 * A rubric with comment criteria only scores nothing: every submission needs the teacher's grade, and a submitted
 * review scores 100 (it was done).
 */
export const REVIEW_STRICTNESS = 1.5;

export type Aggregation = "MEAN" | "MEDIAN_FROM_4";

export type Levels = Record<string, string>;

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Points per scored criterion of a complete assessment; null when a scored criterion has no (valid) level. */
export function levelPointsOf(rubric: Rubric, levels: Levels): Record<string, number> | null {
  const out: Record<string, number> = {};
  for (const criterion of scoredCriteria(rubric)) {
    const level = criterion.levels.find((l) => l.id === levels[criterion.id]);
    if (!level) return null;
    out[criterion.id] = level.points;
  }
  return out;
}

/** An assessment's percentage of the rubric's points; null when incomplete or when the rubric scores nothing. */
export function assessmentPercent(rubric: Rubric, levels: Levels): number | null {
  const max = rubricMaxPoints(rubric);
  const points = rubricScore(rubric, levels);
  return points === null || max === 0 ? null : round2((points / max) * 100);
}

/** D as documented above, between per-criterion points (an assessment's or the consensus's). */
export function distanceBetween(rubric: Rubric, a: Record<string, number>, b: Record<string, number>): number {
  let diff = 0;
  let span = 0;
  for (const criterion of scoredCriteria(rubric)) {
    const points = criterion.levels.map((l) => l.points);
    const range = Math.max(...points) - Math.min(...points);
    if (range === 0) continue;
    span += range;
    diff += Math.abs((a[criterion.id] ?? 0) - (b[criterion.id] ?? 0));
  }
  return span === 0 ? 0 : diff / span;
}

export const reviewGradeOf = (distance: number): number => round2(Math.max(0, 100 - 100 * REVIEW_STRICTNESS * distance));

/** The middle value (the mean of the two middle ones for an even count). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function aggregate(percents: number[], aggregation: Aggregation): number | null {
  if (percents.length === 0) return null;
  if (aggregation === "MEDIAN_FROM_4" && percents.length >= 4) return round2(median(percents));
  return round2(percents.reduce((a, b) => a + b, 0) / percents.length);
}

export interface PeerAssessmentInput {
  id: string;
  /** Levels when submitted; null when allocated but not (yet) submitted. */
  levels: Levels | null;
}

export type SubmissionFlag = "missing_reviews" | "no_reviews" | "teacher_grade";

export interface SubmissionGrading {
  /** The peer grade, null when none can be computed. */
  grade: number | null;
  /** Review grade per submitted assessment id. */
  reviewGrades: Record<string, number>;
  /** The assessment the others were compared with; null when the consensus was the reference (or none). */
  bestId: string | null;
  /** Assessment id → distance from the consensus (for the teacher's disagreement list). */
  consensusDistance: Record<string, number>;
  flags: SubmissionFlag[];
}

/** Grades one submission from its allocated peer assessments (self-assessments are not passed in). */
export function gradeSubmission(rubric: Rubric, aggregation: Aggregation, assessments: readonly PeerAssessmentInput[]): SubmissionGrading {
  const submitted = assessments.flatMap((a) => {
    const points = a.levels && levelPointsOf(rubric, a.levels);
    return points && a.levels ? [{ id: a.id, points, percent: assessmentPercent(rubric, a.levels) }] : [];
  });
  const flags: SubmissionFlag[] = [];
  if (submitted.length === 0) flags.push("no_reviews");
  else if (submitted.length < assessments.length) flags.push("missing_reviews");

  const percents = submitted.flatMap((a) => (a.percent === null ? [] : [a.percent]));
  const grade = aggregate(percents, aggregation);
  if (grade === null && submitted.length > 0) flags.push("teacher_grade");

  const consensus: Record<string, number> = {};
  for (const criterion of scoredCriteria(rubric)) {
    consensus[criterion.id] = submitted.reduce((sum, a) => sum + a.points[criterion.id], 0) / Math.max(1, submitted.length);
  }
  const consensusDistance = Object.fromEntries(submitted.map((a) => [a.id, distanceBetween(rubric, a.points, consensus)]));
  const nearest = Math.min(...Object.values(consensusDistance));
  const best = submitted.filter((a) => consensusDistance[a.id] === nearest);
  const reference = best.length === 1 ? best[0].points : consensus;
  const reviewGrades = Object.fromEntries(submitted.map((a) => [a.id, reviewGradeOf(distanceBetween(rubric, a.points, reference))]));
  return {
    grade,
    reviewGrades,
    bestId: best.length === 1 ? best[0].id : null,
    consensusDistance: Object.fromEntries(Object.entries(consensusDistance).map(([id, d]) => [id, round2(d)])),
    flags,
  };
}

/** A reviewer's grade for reviewing: mean over their allocated peer assessments; null (not a 0) when none. */
export function reviewingGrade(allocated: readonly { reviewGrade: number | null; submitted: boolean }[]): number | null {
  if (allocated.length === 0) return null;
  return round2(allocated.reduce((sum, a) => sum + (a.submitted ? (a.reviewGrade ?? 0) : 0), 0) / allocated.length);
}

/** The effective submission grade and whether it is the teacher's. */
export function effectiveSubmissionGrade(grade: number | null, override: number | null): { grade: number | null; overridden: boolean } {
  return override === null ? { grade, overridden: false } : { grade: override, overridden: true };
}

/** The activity grade; null while the submission has no grade. Without a grade for reviewing, the submission's. */
export function activityGrade(submission: number | null, reviewing: number | null, submissionWeight: number): number | null {
  if (submission === null) return null;
  if (reviewing === null) return round2(submission);
  return round2((submissionWeight * submission + (100 - submissionWeight) * reviewing) / 100);
}

/** How close a student's calibration assessment is to the teacher's reference (100 = the same levels). */
export function calibrationCloseness(rubric: Rubric, attempt: Levels, reference: Levels): number | null {
  const a = levelPointsOf(rubric, attempt);
  const r = levelPointsOf(rubric, reference);
  return a && r ? reviewGradeOf(distanceBetween(rubric, a, r)) : null;
}
