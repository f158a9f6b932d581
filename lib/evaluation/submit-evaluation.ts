import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { shanghaiParts } from "@/lib/lesson/local-time";
import { itemsOf } from "./items";
import { authorizeEvaluation } from "./load-evaluation";
import { type SubmitEvaluationInput, SubmitEvaluationSchema } from "./schemas";
import { assertEvaluationOpen } from "./window";

/**
 * A student of the course answers once while the evaluation is open: 1–5 for every item and an optional comment.
 * Who answered (EvaluationRespondent) and what was said (EvaluationResponse: random id, the day only) are written in
 * one transaction with nothing linking them. The respondent's unique key makes a second submit — also a concurrent
 * one — fail before its answers are stored.
 */
export async function submitEvaluation(actor: Actor, input: SubmitEvaluationInput): Promise<{ courseId: string; evaluationId: string }> {
  const data = SubmitEvaluationSchema.parse(input);
  const { evaluation, access } = await authorizeEvaluation(actor, data.evaluationId, "coursework.submit");
  const now = new Date();
  assertEvaluationOpen(evaluation, now);

  const itemIds = itemsOf(evaluation.items).map((item) => item.id);
  if (data.ratings.some((rating) => !itemIds.includes(rating.itemId))) throw new AppError("evaluation.unknown_item");
  const rated = new Set(data.ratings.map((rating) => rating.itemId));
  const missing = itemIds.filter((id) => !rated.has(id));
  if (missing.length > 0) throw new AppError("evaluation.ratings_incomplete", { missing });

  await db.$transaction(async (tx) => {
    const { count } = await tx.evaluationRespondent.createMany({
      data: [{ evaluationId: evaluation.id, userId: actor.id }],
      skipDuplicates: true,
    });
    if (count === 0) throw new AppError("evaluation.already_answered");
    await tx.evaluationResponse.create({
      data: {
        evaluationId: evaluation.id,
        ratings: Object.fromEntries(data.ratings.map((rating) => [rating.itemId, rating.rating])),
        comment: data.comment,
        day: new Date(`${shanghaiParts(now).date}T00:00:00Z`),
      },
      select: { evaluationId: true },
    });
  });
  return { courseId: access.courseId, evaluationId: evaluation.id };
}
