import { createHash } from "node:crypto";

export interface QuestionHistory {
  /** Answered in practice, review or a submitted quiz. */
  seen: boolean;
  /** In the mistake book and not mastered. */
  wrongBefore: boolean;
  /** The student's last practice or review answer to it. */
  lastPractisedAt: Date | null;
}

const NEVER: QuestionHistory = { seen: false, wrongBefore: false, lastPractisedAt: null };

const rankOf = (history: QuestionHistory) => (!history.seen ? 0 : history.wrongBefore ? 1 : 2);

/**
 * Which question practice shows next: unseen ones first, then those answered wrong before, then the rest, the
 * longest unpractised first. Ties go by a hash of student and question, so each student meets the bank in their
 * own order and a reload shows the same question. The question just answered does not come straight back unless
 * it is the only one.
 */
export function pickNextQuestion(userId: string, questionIds: readonly string[], history: ReadonlyMap<string, QuestionHistory>): string | null {
  const historyOf = (id: string) => history.get(id) ?? NEVER;
  const practisedAt = (id: string) => historyOf(id).lastPractisedAt?.getTime() ?? -Infinity;
  const latest = questionIds.reduce<string | null>((best, id) => (best === null || practisedAt(id) > practisedAt(best) ? id : best), null);
  const candidates =
    questionIds.length > 1 && latest !== null && practisedAt(latest) > -Infinity ? questionIds.filter((id) => id !== latest) : [...questionIds];
  const tieBreak = (id: string) => createHash("sha1").update(`${userId}:${id}`).digest("hex");
  const sorted = candidates
    .map((id) => ({ id, rank: rankOf(historyOf(id)), at: practisedAt(id), hash: tieBreak(id) }))
    .sort((a, b) => a.rank - b.rank || a.at - b.at || (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  return sorted[0]?.id ?? null;
}
