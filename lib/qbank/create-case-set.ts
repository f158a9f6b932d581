import type { Actor } from "@/lib/auth/authz";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { authorizeBank } from "./authorize-bank";
import { type CreateCaseSetInput, CreateCaseSetSchema } from "./schemas";

/** A case set (A3/A4) in one go: the vignette and its questions, in order. */
export async function createCaseSet(actor: Actor, input: CreateCaseSetInput): Promise<{ caseId: string; questionIds: string[] }> {
  const { courseId, vignette, shared, questions } = CreateCaseSetSchema.parse(input);
  const access = await authorizeBank(actor, courseId);
  return db.$transaction(async (tx) => {
    const created = await tx.questionCase.create({ data: { courseId: access.courseId, vignette }, select: { id: true } });
    const rows = await tx.question.createManyAndReturn({
      data: questions.map((question, i) => ({
        ...question,
        shared,
        courseId: access.courseId,
        caseId: created.id,
        casePosition: i + 1,
        createdById: actor.id,
      })),
      select: { id: true, casePosition: true },
    });
    await writeAudit(tx, actor, "qbank.create", created.id, { courseId: access.courseId, caseSet: true, questions: rows.length }, access);
    return { caseId: created.id, questionIds: rows.sort((a, b) => a.casePosition! - b.casePosition!).map((row) => row.id) };
  });
}
