import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeQuiz } from "./access";
import { type QuizRefInput, QuizRefSchema } from "./schemas";

/** Back to draft, only while no student has started it (their attempts are fixed to its questions). */
export async function unpublishQuiz(actor: Actor, input: QuizRefInput): Promise<{ quizId: string; courseId: string }> {
  const { quizId } = QuizRefSchema.parse(input);
  const { quiz } = await authorizeQuiz(actor, quizId, "coursework.manage");
  // The "no attempts" condition is part of the update so that a start at the same moment cannot slip in between.
  const { count } = await db.quiz.updateMany({
    where: { id: quizId, attempts: { none: {} } },
    data: { status: "DRAFT", publishedAt: null },
  });
  if (!count) throw new AppError("quiz.has_attempts");
  return { quizId, courseId: quiz.courseId };
}
