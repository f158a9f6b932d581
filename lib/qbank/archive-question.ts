import type { Actor } from "@/lib/auth/authz";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { authorizeQuestionEdit } from "./authorize-bank";
import { type ArchiveQuestionInput, ArchiveQuestionSchema } from "./schemas";

/**
 * Archives a question (or brings it back). Archived questions leave the bank list, new quizzes and draws, but stay
 * in the quizzes and mistake books that already use them: a question is never deleted.
 */
export async function archiveQuestion(actor: Actor, input: ArchiveQuestionInput): Promise<{ questionId: string; courseId: string }> {
  const { courseId, questionId, archived } = ArchiveQuestionSchema.parse(input);
  const access = await authorizeQuestionEdit(actor, courseId, questionId);
  await db.$transaction(async (tx) => {
    const changed = await tx.question.updateMany({ where: { id: questionId, archived: !archived }, data: { archived } });
    if (changed.count) await writeAudit(tx, actor, archived ? "qbank.archive" : "qbank.restore", questionId, { courseId: access.courseId }, access);
  });
  return { questionId, courseId: access.courseId };
}
