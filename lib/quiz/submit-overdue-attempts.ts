import { db } from "@/lib/db";
import { finishAttempt } from "./finish-attempt";

/**
 * Submits every attempt still in progress whose deadline has passed, as of `now` (server time is authoritative;
 * the student's countdown is only a display). Each is submitted as at its deadline and marked auto-submitted.
 * Run on an interval by the server, and for the attempts concerned whenever a quiz or attempt is read, so a
 * student who never comes back is still submitted on time. Returns how many this call submitted.
 */
export async function submitOverdueAttempts(now = new Date(), scope: { quizId?: string; userId?: string } = {}): Promise<number> {
  const overdue = await db.quizAttempt.findMany({
    where: { status: "IN_PROGRESS", deadlineAt: { lte: now }, ...scope },
    select: { id: true, userId: true, deadlineAt: true, quiz: { select: { id: true, courseId: true, confidenceMarking: true } } },
    orderBy: { deadlineAt: "asc" },
  });
  let submitted = 0;
  for (const attempt of overdue) {
    if (await finishAttempt(attempt, { submittedAt: attempt.deadlineAt!, autoSubmitted: true, now })) submitted++;
  }
  return submitted;
}
