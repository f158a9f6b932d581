import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeQuiz } from "./access";
import { deadlineOf } from "./quiz-window";
import { quizDataOf } from "./quiz-settings";
import { type UpdateQuizInput, UpdateQuizSchema } from "./schemas";

/**
 * Changes a quiz's settings, also once published (moving the close time is common). Confidence-based marking
 * cannot be switched once students have attempted: their scores were computed with the other rule. A new close time
 * or time limit moves the deadlines of attempts in progress.
 */
export async function updateQuiz(actor: Actor, input: UpdateQuizInput): Promise<{ quizId: string; courseId: string }> {
  const { quizId, ...settings } = UpdateQuizSchema.parse(input);
  const { quiz } = await authorizeQuiz(actor, quizId, "coursework.manage");
  const data = await quizDataOf(quiz.courseId, settings);
  const attempts = await db.quizAttempt.count({ where: { quizId } });
  if (attempts && data.confidenceMarking !== quiz.confidenceMarking) throw new AppError("quiz.has_attempts");
  const timingChanged = data.closesAt?.getTime() !== quiz.closesAt?.getTime() || data.timeLimitMinutes !== quiz.timeLimitMinutes;
  await db.$transaction(async (tx) => {
    await tx.quiz.update({ where: { id: quizId }, data });
    if (!timingChanged) return;
    const running = await tx.quizAttempt.findMany({ where: { quizId, status: "IN_PROGRESS" }, select: { id: true, startedAt: true } });
    for (const attempt of running) {
      await tx.quizAttempt.update({ where: { id: attempt.id }, data: { deadlineAt: deadlineOf(data, attempt.startedAt) } });
    }
  });
  return { quizId, courseId: quiz.courseId };
}
