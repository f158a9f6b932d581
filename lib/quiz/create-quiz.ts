import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { quizDataOf } from "./quiz-settings";
import { type CreateQuizInput, CreateQuizSchema } from "./schemas";

/** A new draft quiz; questions are added on its edit page. */
export async function createQuiz(actor: Actor, input: CreateQuizInput): Promise<{ quizId: string; courseId: string }> {
  const { courseId, ...settings } = CreateQuizSchema.parse(input);
  await authorizeCourse(actor, courseId, "coursework.manage");
  const data = await quizDataOf(courseId, settings);
  const quiz = await db.quiz.create({ data: { ...data, courseId, createdById: actor.id }, select: { id: true } });
  return { quizId: quiz.id, courseId };
}
