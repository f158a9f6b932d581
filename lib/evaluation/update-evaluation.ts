import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { instantOfLocal } from "@/lib/preclass/local-datetime";
import { itemsOf, sameItems, withItemIds } from "./items";
import { authorizeEvaluation } from "./load-evaluation";
import { type UpdateEvaluationInput, UpdateEvaluationSchema } from "./schemas";

/**
 * Changes the title and window (closing it early is setting closesAt to now). The rating items change only while
 * nobody has answered: later answers would otherwise be averaged with earlier ones given to different questions.
 */
export async function updateEvaluation(actor: Actor, input: UpdateEvaluationInput): Promise<{ courseId: string; evaluationId: string }> {
  const data = UpdateEvaluationSchema.parse(input);
  const { evaluation, access } = await authorizeEvaluation(actor, data.evaluationId, "coursework.manage");
  const opensAt = instantOfLocal(data.opensAt);
  const closesAt = instantOfLocal(data.closesAt);
  if (closesAt <= opensAt) throw new AppError("evaluation.closes_before_opens");
  const stored = itemsOf(evaluation.items);
  const storedIds = new Set(stored.map((item) => item.id));
  if (data.items.some((item) => item.id && !storedIds.has(item.id))) throw new AppError("evaluation.unknown_item");
  const items = withItemIds(data.items);

  await db.$transaction(async (tx) => {
    if (!sameItems(items, stored) && (await tx.evaluationRespondent.count({ where: { evaluationId: evaluation.id } })) > 0) {
      throw new AppError("evaluation.items_locked");
    }
    await tx.evaluation.update({ where: { id: evaluation.id }, data: { title: data.title, items, opensAt, closesAt } });
  });
  return { courseId: access.courseId, evaluationId: evaluation.id };
}
