import { AppError } from "@/lib/errors";
import type { Rubric } from "@/lib/rubric/rubric";
import { type Levels, assessmentPercent, levelPointsOf } from "./grades";

export interface CheckedAssessment {
  levels: Levels;
  comments: Record<string, string>;
  /** Percent of the rubric's points; null while incomplete or when the rubric scores nothing. */
  score: number | null;
}

/**
 * Levels and comments as the rubric knows them: a level only for a scored criterion and one of its own levels, a
 * comment only for a criterion of the rubric (blank ones dropped). Anything else is a stale form: `validation`.
 */
export function draftAssessment(rubric: Rubric, input: { levels: Levels; comments: Record<string, string> }): CheckedAssessment {
  const byId = new Map(rubric.map((c) => [c.id, c]));
  for (const [criterionId, levelId] of Object.entries(input.levels)) {
    const criterion = byId.get(criterionId);
    if (criterion?.kind !== "levels" || !criterion.levels.some((l) => l.id === levelId)) throw new AppError("validation");
  }
  const comments: Record<string, string> = {};
  for (const [criterionId, comment] of Object.entries(input.comments)) {
    if (!byId.has(criterionId)) throw new AppError("validation");
    if (comment.trim()) comments[criterionId] = comment.trim();
  }
  return { levels: { ...input.levels }, comments, score: assessmentPercent(rubric, input.levels) };
}

/** As draftAssessment, and every scored criterion must have its level. */
export function completeAssessment(rubric: Rubric, input: { levels: Levels; comments: Record<string, string> }): CheckedAssessment {
  const checked = draftAssessment(rubric, input);
  if (!levelPointsOf(rubric, checked.levels)) {
    const missing = rubric.filter((c) => c.kind === "levels" && !checked.levels[c.id]).map((c) => c.id);
    throw new AppError("peer.assessment_incomplete", { missing });
  }
  return checked;
}
