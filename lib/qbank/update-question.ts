import type { Actor } from "@/lib/auth/authz";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeQuestionEdit } from "./authorize-bank";
import { placeInCase } from "./place-in-case";
import { type UpdateQuestionInput, UpdateQuestionSchema } from "./schemas";

/**
 * Saves a question of the course's bank. Quizzes already taken keep their scores: attempts store the points earned,
 * and a changed key affects only answers given from now on.
 */
export async function updateQuestion(actor: Actor, input: UpdateQuestionInput): Promise<{ questionId: string; courseId: string }> {
  const { courseId, questionId, question, shared, placement } = UpdateQuestionSchema.parse(input);
  const access = await authorizeQuestionEdit(actor, courseId, questionId);
  return db.$transaction(async (tx) => {
    const current = await tx.question.findUnique({ where: { id: questionId }, select: { caseId: true, casePosition: true } });
    if (!current) throw new AppError("not_found");
    const where = await placeInCase(tx, access.courseId, placement, current);
    await tx.question.update({ where: { id: questionId }, data: { ...question, ...where, shared } });
    await writeAudit(tx, actor, "qbank.update", questionId, { courseId: access.courseId, type: question.type, caseId: where.caseId }, access);
    return { questionId, courseId: access.courseId };
  });
}
