import type { Quiz } from "@/generated/prisma/client";
import { type Actor, type AuthorizedCourse, type CourseAction, authorizeCourse, isWellFormedId } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface AuthorizedQuiz {
  quiz: Quiz;
  access: AuthorizedCourse;
}

/**
 * The quiz and the actor's rights on its course. Students reach only published quizzes: a draft is not_found for
 * them, exactly like a quiz of a course they do not take.
 */
export async function authorizeQuiz(actor: Actor, quizId: string, action: CourseAction): Promise<AuthorizedQuiz> {
  if (!isWellFormedId(quizId)) throw new AppError("not_found");
  const quiz = await db.quiz.findUnique({ where: { id: quizId } });
  if (!quiz) throw new AppError("not_found");
  const access = await authorizeCourse(actor, quiz.courseId, action);
  if (action === "coursework.submit" && quiz.status !== "PUBLISHED") throw new AppError("not_found");
  return { quiz, access };
}
