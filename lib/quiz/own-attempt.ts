import { type Actor, authorizeCourse, isWellFormedId } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { finishAttempt } from "./finish-attempt";

/**
 * The actor's own attempt (anyone else's is not_found, like a missing one) with its quiz, after checking they still
 * take the course. An attempt past its deadline is submitted here first, so every read sees it as the server does.
 */
export async function loadOwnAttempt(actor: Actor, attemptId: string, now: Date) {
  if (!isWellFormedId(attemptId)) throw new AppError("not_found");
  const attempt = await db.quizAttempt.findFirst({ where: { id: attemptId, userId: actor.id }, include: { quiz: true } });
  if (!attempt) throw new AppError("not_found");
  await authorizeCourse(actor, attempt.quiz.courseId, "coursework.submit");
  if (attempt.status === "IN_PROGRESS" && attempt.deadlineAt && attempt.deadlineAt <= now) {
    await finishAttempt(attempt, { submittedAt: attempt.deadlineAt, autoSubmitted: true, now });
    return db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, include: { quiz: true } });
  }
  return attempt;
}
