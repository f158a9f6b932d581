import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { dueMistakesWhere, myMistakesWhere } from "./mistake-where";

export interface MistakeSummary {
  /** Items to review today (see dueMistakesWhere). */
  dueToday: number;
  /** Items in the book that are not mastered yet. */
  total: number;
}

/** For the student home page: two counts. */
export async function mistakeSummaryFor(actor: Actor, now = new Date()): Promise<MistakeSummary> {
  const [dueToday, total] = await Promise.all([
    db.mistakeItem.count({ where: dueMistakesWhere(actor, now) }),
    db.mistakeItem.count({ where: { ...myMistakesWhere(actor), masteredAt: null } }),
  ]);
  return { dueToday, total };
}
