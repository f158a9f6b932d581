import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeQuiz } from "./access";
import { type QuizRefInput, QuizRefSchema } from "./schemas";

/** Deletes a draft nobody has attempted; a quiz with attempts keeps its results. */
export async function deleteQuiz(actor: Actor, input: QuizRefInput): Promise<{ quizId: string; courseId: string }> {
  const { quizId } = QuizRefSchema.parse(input);
  const { quiz } = await authorizeQuiz(actor, quizId, "coursework.manage");
  if (quiz.status !== "DRAFT") throw new AppError("quiz.locked");
  const { count } = await db.quiz.deleteMany({ where: { id: quizId, status: "DRAFT", attempts: { none: {} } } });
  if (!count) throw new AppError("quiz.has_attempts");
  return { quizId, courseId: quiz.courseId };
}
