import type { Prisma } from "@/generated/prisma/client";
import { type Actor, courseVisibleTo } from "@/lib/auth/authz";
import { OBJECTIVE_TYPES, unlockedQuestionWhere } from "@/lib/practice/question-pool";
import { endOfShanghaiDay } from "./leitner";

/** The actor's own items, in the courses they still belong to, of questions review can score. */
export function myMistakesWhere(actor: Actor): Prisma.MistakeItemWhereInput {
  return { userId: actor.id, course: courseVisibleTo(actor), question: { type: { in: [...OBJECTIVE_TYPES] } } };
}

/**
 * Due today: not mastered, due before the end of today (Asia/Shanghai), and answerable now — an archived question
 * or one an open quiz still holds back waits. The count, the list and the review queue all use this one filter.
 */
export function dueMistakesWhere(actor: Actor, now: Date): Prisma.MistakeItemWhereInput {
  return {
    ...myMistakesWhere(actor),
    masteredAt: null,
    dueAt: { lt: endOfShanghaiDay(now) },
    question: { type: { in: [...OBJECTIVE_TYPES] }, archived: false, ...unlockedQuestionWhere(actor.id, now) },
  };
}
