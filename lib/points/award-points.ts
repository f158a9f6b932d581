import type { Tx } from "@/lib/db";

/**
 * 积分 (seed 004): a few points for work actually done. Each reason's points are fixed here; the unique key
 * (student, reason, subject) makes every award once. Callers decide whether the work has substance — an empty
 * feedback form, an attempt with nothing answered or a copy of someone else's text earns nothing — and only call
 * when it has.
 */
export const POINTS_FOR = {
  /** Pre-class feedback with something said (subject: the feedback). */
  preclass_feedback: 5,
  /** Every stage of a pre-class case answered (subject: the case). */
  case_completed: 3,
  /** A submitted quiz attempt with answers; once per quiz (subject: the quiz). */
  quiz_attempt: 5,
  /** Practised on three days in a row (subject: the third day, "YYYY-MM-DD"). */
  practice_streak: 2,
  /** Homework submitted before it was due (subject: the homework). */
  homework_on_time: 5,
} as const;

export type PointsReason = keyof typeof POINTS_FOR;

/** Awards once; nothing when the course has points switched off. Returns whether points were added. */
export async function awardPoints(tx: Tx, award: { userId: string; courseId: string; reason: PointsReason; subjectId: string }): Promise<boolean> {
  const course = await tx.course.findUnique({ where: { id: award.courseId }, select: { pointsEnabled: true } });
  if (!course?.pointsEnabled) return false;
  const { count } = await tx.pointsAward.createMany({
    data: [{ ...award, points: POINTS_FOR[award.reason] }],
    skipDuplicates: true,
  });
  return count > 0;
}
