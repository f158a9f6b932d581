import { type Actor, type CourseAction, authorizeCourse, isWellFormedId } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** An evaluation and the actor's access to its course; an unknown id is not_found like an invisible course. */
export async function authorizeEvaluation(actor: Actor, evaluationId: string, action: CourseAction) {
  if (!isWellFormedId(evaluationId)) throw new AppError("not_found");
  const evaluation = await db.evaluation.findUnique({
    where: { id: evaluationId },
    select: {
      id: true,
      courseId: true,
      title: true,
      items: true,
      opensAt: true,
      closesAt: true,
      lesson: { select: { id: true, title: true } },
      course: { select: { title: true } },
    },
  });
  if (!evaluation) throw new AppError("not_found");
  const access = await authorizeCourse(actor, evaluation.courseId, action);
  return { evaluation, access };
}
