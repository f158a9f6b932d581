import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { itemsOf } from "./items";
import { authorizeEvaluation } from "./load-evaluation";
import type { EvaluationItem } from "./schemas";
import { type EvaluationState, evaluationStateOf } from "./window";

export interface StudentEvaluation {
  id: string;
  courseId: string;
  courseTitle: string;
  title: string;
  lessonTitle: string | null;
  items: EvaluationItem[];
  opensAt: Date;
  closesAt: Date;
  state: EvaluationState;
  /** Whether this student has answered; what they answered cannot be found again, not even for them. */
  answered: boolean;
}

export async function getEvaluationForStudent(actor: Actor, evaluationId: string): Promise<StudentEvaluation> {
  const { evaluation } = await authorizeEvaluation(actor, evaluationId, "coursework.submit");
  const respondent = await db.evaluationRespondent.findUnique({
    where: { evaluationId_userId: { evaluationId: evaluation.id, userId: actor.id } },
    select: { id: true },
  });
  return {
    id: evaluation.id,
    courseId: evaluation.courseId,
    courseTitle: evaluation.course.title,
    title: evaluation.title,
    lessonTitle: evaluation.lesson?.title ?? null,
    items: itemsOf(evaluation.items),
    opensAt: evaluation.opensAt,
    closesAt: evaluation.closesAt,
    state: evaluationStateOf(evaluation),
    answered: respondent !== null,
  };
}
