import type { Actor } from "@/lib/auth/authz";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeBank } from "./authorize-bank";
import { type UpdateCaseInput, UpdateCaseSchema } from "./schemas";

/** Rewrites a case set's vignette (all its questions show the new text). */
export async function updateCase(actor: Actor, input: UpdateCaseInput): Promise<{ caseId: string; courseId: string }> {
  const { courseId, caseId, vignette } = UpdateCaseSchema.parse(input);
  const access = await authorizeBank(actor, courseId);
  await db.$transaction(async (tx) => {
    const changed = await tx.questionCase.updateMany({ where: { id: caseId, courseId: access.courseId }, data: { vignette } });
    if (!changed.count) throw new AppError("not_found");
    await writeAudit(tx, actor, "qbank.case_update", caseId, { courseId: access.courseId }, access);
  });
  return { caseId, courseId: access.courseId };
}
