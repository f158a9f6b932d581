import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { type ItemAggregate, aggregateItems, shuffled } from "./aggregate";
import { itemsOf } from "./items";
import { authorizeEvaluation } from "./load-evaluation";
import { type EvaluationItem, MIN_RESPONSES } from "./schemas";
import { type EvaluationState, evaluationStateOf } from "./window";

export interface EvaluationResults {
  evaluation: {
    id: string;
    courseId: string;
    title: string;
    lesson: { id: string; title: string } | null;
    items: EvaluationItem[];
    opensAt: Date;
    closesAt: Date;
    state: EvaluationState;
  };
  /** May edit (course teacher or admin). */
  canManage: boolean;
  /** Rating items can no longer change: somebody has answered. */
  itemsLocked: boolean;
  responses: number;
  studentCount: number;
  responseRate: number | null;
  minimum: number;
  /** Null below MIN_RESPONSES: then not even the comments are read. */
  aggregates: { items: ItemAggregate[]; comments: string[] } | null;
}

/**
 * 评教 results for the course's teacher, the department admin and admins: the response count always, and from
 * MIN_RESPONSES answers the distribution and mean per item and the non-empty comments in random order without dates.
 * Who answered is never read here.
 */
export async function getEvaluationResults(actor: Actor, evaluationId: string): Promise<EvaluationResults> {
  const { evaluation, access } = await authorizeEvaluation(actor, evaluationId, "evaluation.view");
  const items = itemsOf(evaluation.items);
  const [responses, studentCount] = await Promise.all([
    db.evaluationResponse.count({ where: { evaluationId: evaluation.id } }),
    db.courseMember.count({ where: { courseId: evaluation.courseId, role: "STUDENT" } }),
  ]);
  let aggregates: EvaluationResults["aggregates"] = null;
  if (responses >= MIN_RESPONSES) {
    const answers = await db.evaluationResponse.findMany({ where: { evaluationId: evaluation.id }, select: { ratings: true, comment: true } });
    aggregates = {
      items: aggregateItems(items, answers.map((answer) => answer.ratings)),
      comments: shuffled(answers.map((answer) => answer.comment).filter((comment) => comment.trim() !== "")),
    };
  }
  return {
    evaluation: {
      id: evaluation.id,
      courseId: evaluation.courseId,
      title: evaluation.title,
      lesson: evaluation.lesson,
      items,
      opensAt: evaluation.opensAt,
      closesAt: evaluation.closesAt,
      state: evaluationStateOf(evaluation),
    },
    canManage: access.actions.has("coursework.manage"),
    itemsLocked: responses > 0,
    responses,
    studentCount,
    responseRate: studentCount ? Math.min(responses / studentCount, 1) : null,
    minimum: MIN_RESPONSES,
    aggregates,
  };
}
