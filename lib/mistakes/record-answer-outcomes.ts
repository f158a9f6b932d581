import type { Tx } from "@/lib/db";
import { type LeitnerState, isDue, nextLeitnerState } from "./leitner";

export interface AnswerOutcome {
  questionId: string;
  correct: boolean;
}

/**
 * Files a student's right and wrong answers (from a submitted quiz attempt, practice or a review) into the mistake
 * book, in the caller's transaction: wrong answers enter or go back to box 1; right answers move a due item up.
 * Short answers awaiting marking are not outcomes; callers leave them out.
 */
/** An item as this call leaves it: the Leitner schedule plus what the book counts. */
interface ItemState extends LeitnerState {
  lastWrongAt: Date;
  lastReviewedAt: Date | null;
  /** Wrong answers this call adds (written as an increment, so a concurrent answer is not lost). */
  addedWrong: number;
}

/** Applies one outcome in memory; null when nothing changes (a right answer to a question not in the book). */
function applied(item: ItemState | null, correct: boolean, now: Date): ItemState | null {
  const next = nextLeitnerState(item, correct, now);
  if (!next || next === item) return null;
  if (!item) return { ...next, lastWrongAt: now, lastReviewedAt: null, addedWrong: 1 };
  if (correct) return { ...item, ...next, lastReviewedAt: now };
  return { ...item, ...next, lastWrongAt: now, lastReviewedAt: isDue(item.dueAt, now) ? now : item.lastReviewedAt, addedWrong: item.addedWrong + 1 };
}

export async function recordAnswerOutcomes(
  tx: Tx,
  input: { userId: string; courseId: string; outcomes: readonly AnswerOutcome[]; now: Date },
): Promise<void> {
  if (!input.outcomes.length) return;
  const { userId, courseId, now } = input;
  const existing = await tx.mistakeItem.findMany({
    where: { userId, questionId: { in: input.outcomes.map((o) => o.questionId) } },
  });
  const ids = new Map(existing.map((item) => [item.questionId, item.id]));
  const states = new Map<string, ItemState>(existing.map((item) => [item.questionId, { ...item, addedWrong: 0 }]));
  const changed = new Set<string>();
  // In order, in memory: a question listed twice in one call gets both outcomes, on one item.
  for (const { questionId, correct } of input.outcomes) {
    const next = applied(states.get(questionId) ?? null, correct, now);
    if (!next) continue;
    states.set(questionId, next);
    changed.add(questionId);
  }
  const fields = (state: ItemState) => ({
    box: state.box,
    dueAt: state.dueAt,
    rightStreak: state.rightStreak,
    masteredAt: state.masteredAt,
    lastWrongAt: state.lastWrongAt,
    lastReviewedAt: state.lastReviewedAt,
  });
  // A class submitting at the close: the new entries of one attempt are one statement.
  const fresh = [...changed].filter((questionId) => !ids.has(questionId));
  if (fresh.length) {
    await tx.mistakeItem.createMany({
      data: fresh.map((questionId) => {
        const state = states.get(questionId)!;
        return { userId, questionId, courseId, ...fields(state), wrongCount: state.addedWrong };
      }),
    });
  }
  for (const questionId of changed) {
    const id = ids.get(questionId);
    if (!id) continue;
    const state = states.get(questionId)!;
    await tx.mistakeItem.update({ where: { id }, data: { ...fields(state), wrongCount: { increment: state.addedWrong } } });
  }
}
