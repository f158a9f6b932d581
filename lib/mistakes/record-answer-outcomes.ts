import type { Tx } from "@/lib/db";
import { isDue, nextLeitnerState } from "./leitner";

export interface AnswerOutcome {
  questionId: string;
  correct: boolean;
}

/**
 * Files a student's right and wrong answers (from a submitted quiz attempt, practice or a review) into the mistake
 * book, in the caller's transaction: wrong answers enter or go back to box 1; right answers move a due item up.
 * Short answers awaiting marking are not outcomes; callers leave them out.
 */
export async function recordAnswerOutcomes(
  tx: Tx,
  input: { userId: string; courseId: string; outcomes: readonly AnswerOutcome[]; now: Date },
): Promise<void> {
  if (!input.outcomes.length) return;
  const { userId, courseId, now } = input;
  const existing = await tx.mistakeItem.findMany({
    where: { userId, questionId: { in: input.outcomes.map((o) => o.questionId) } },
  });
  const byQuestion = new Map(existing.map((item) => [item.questionId, item]));
  for (const { questionId, correct } of input.outcomes) {
    const item = byQuestion.get(questionId);
    const next = nextLeitnerState(item ?? null, correct, now);
    if (!next) continue;
    // The map follows every write: a question listed twice in one call must not be created twice.
    if (!item) {
      byQuestion.set(questionId, await tx.mistakeItem.create({ data: { userId, questionId, courseId, ...next, lastWrongAt: now } }));
      continue;
    }
    if (next === item) continue;
    const saved = await tx.mistakeItem.update({
      where: { id: item.id },
      data: correct
        ? { ...next, lastReviewedAt: now }
        : { ...next, wrongCount: { increment: 1 }, lastWrongAt: now, lastReviewedAt: isDue(item.dueAt, now) ? now : item.lastReviewedAt },
    });
    byQuestion.set(questionId, saved);
  }
}
