import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { instantOfLocal } from "@/lib/preclass/local-datetime";
import { withItemIds } from "./items";
import { type CreateEvaluationInput, CreateEvaluationSchema } from "./schemas";

/** A course teacher sets up a 评教 for the course or one of its lessons, answered by students between opensAt and closesAt. */
export async function createEvaluation(actor: Actor, input: CreateEvaluationInput): Promise<{ courseId: string; evaluationId: string }> {
  const data = CreateEvaluationSchema.parse(input);
  const { courseId } = await authorizeCourse(actor, data.courseId, "coursework.manage");
  const opensAt = instantOfLocal(data.opensAt);
  const closesAt = instantOfLocal(data.closesAt);
  if (closesAt <= opensAt) throw new AppError("evaluation.closes_before_opens");
  if (closesAt <= new Date()) throw new AppError("evaluation.closes_in_past");
  if (data.lessonId) {
    const lesson = await db.lesson.findFirst({ where: { id: data.lessonId, courseId }, select: { id: true } });
    if (!lesson) throw new AppError("evaluation.lesson_not_in_course");
  }
  const evaluation = await db.evaluation.create({
    data: { courseId, lessonId: data.lessonId, title: data.title, items: withItemIds(data.items), opensAt, closesAt },
    select: { id: true },
  });
  return { courseId, evaluationId: evaluation.id };
}
