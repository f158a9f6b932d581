import type { Tx } from "@/lib/db";
import { shanghaiParts } from "@/lib/lesson/local-time";
import { shanghaiDayRange } from "@/lib/lesson/phase";
import { awardPoints } from "@/lib/points/award-points";

const DAY_MS = 86_400_000;
/** Practising on this many Shanghai days in a row, today included, earns the streak award. */
export const STREAK_DAYS = 3;

export const streakSubjectOf = (courseId: string, now: Date): string => `${courseId}:${shanghaiParts(now).date}`;

/**
 * Called after a stored practice or review answer (so today counts): when the student also answered in this course on
 * each of the days before, today's streak award is given, once per day. Every further day of the run earns it again —
 * a streak is kept up by practising.
 */
export async function awardPracticeStreak(tx: Tx, input: { userId: string; courseId: string; now: Date }): Promise<boolean> {
  const { userId, courseId, now } = input;
  const subjectId = streakSubjectOf(courseId, now);
  const already = await tx.pointsAward.findUnique({
    where: { userId_reason_subjectId: { userId, reason: "practice_streak", subjectId } },
    select: { id: true },
  });
  if (already) return false;
  const today = shanghaiDayRange(now).start.getTime();
  for (let back = 1; back < STREAK_DAYS; back++) {
    const practised = await tx.practiceAnswer.findFirst({
      where: { userId, courseId, createdAt: { gte: new Date(today - back * DAY_MS), lt: new Date(today - (back - 1) * DAY_MS) } },
      select: { id: true },
    });
    if (!practised) return false;
  }
  return awardPoints(tx, { userId, courseId, reason: "practice_streak", subjectId });
}
