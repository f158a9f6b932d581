import { type Actor } from "@/lib/auth/authz";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { authorizeBank } from "./authorize-bank";
import { placeInCase } from "./place-in-case";
import { type CreateQuestionInput, CreateQuestionSchema } from "./schemas";

/** Adds a question to a course's bank, optionally into a case set (new or existing). Requires coursework.manage. */
export async function createQuestion(actor: Actor, input: CreateQuestionInput): Promise<{ questionId: string; courseId: string }> {
  const { courseId, question, shared, placement } = CreateQuestionSchema.parse(input);
  const access = await authorizeBank(actor, courseId);
  return db.$transaction(async (tx) => {
    const where = await placeInCase(tx, access.courseId, placement, null);
    const created = await tx.question.create({
      data: { ...question, ...where, shared, courseId: access.courseId, createdById: actor.id },
      select: { id: true },
    });
    await writeAudit(tx, actor, "qbank.create", created.id, { courseId: access.courseId, type: question.type, caseId: where.caseId }, access);
    return { questionId: created.id, courseId: access.courseId };
  });
}
