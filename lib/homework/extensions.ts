import { writeAudit } from "@/lib/audit/write-audit";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { instantOfLocal } from "@/lib/preclass/local-datetime";
import { authorizeHomework } from "./authorize-homework";
import { type LatenessChange, recomputeLateness } from "./recompute-lateness";
import { type GrantExtensionInput, GrantExtensionSchema, type RemoveExtensionInput, RemoveExtensionSchema } from "./schemas";

/**
 * Gives one student of the course a later due time (grades.manage), or moves it. A submission already in is
 * re-judged against it: handed in before the new time, it is no longer late.
 */
export async function grantExtension(actor: Actor, input: GrantExtensionInput): Promise<{ courseId: string; homeworkId: string }> {
  const data = GrantExtensionSchema.parse(input);
  const access = await authorizeHomework(actor, data.homeworkId, "grades.manage");
  const { courseId } = access;
  const dueAt = instantOfLocal(data.dueAt);
  const student = await db.courseMember.findFirst({ where: { courseId, userId: data.userId, role: "STUDENT" }, select: { id: true } });
  if (!student) throw new AppError("homework.not_student");
  await db.$transaction(async (tx) => {
    const homework = await tx.homework.findUniqueOrThrow({ where: { id: data.homeworkId }, select: { dueAt: true } });
    if (dueAt <= homework.dueAt) throw new AppError("homework.extension_not_later");
    const where = { homeworkId_userId: { homeworkId: data.homeworkId, userId: data.userId } };
    const before = await tx.homeworkExtension.findUnique({ where, select: { dueAt: true } });
    const extension = await tx.homeworkExtension.upsert({
      where,
      create: { homeworkId: data.homeworkId, userId: data.userId, dueAt, grantedById: actor.id },
      update: { dueAt, grantedById: actor.id },
      select: { id: true },
    });
    const moved = await recomputeLateness(tx, data.homeworkId, data.userId);
    await writeAudit(tx, actor, "homework.extension_grant", extension.id, {
      homeworkId: data.homeworkId,
      studentId: data.userId,
      ...extensionChange(before?.dueAt ?? null, dueAt, moved),
    }, access);
  });
  return { courseId, homeworkId: data.homeworkId };
}

/** Takes an extension back (grades.manage); the student's submission is judged against the homework's due time again. */
export async function removeExtension(actor: Actor, input: RemoveExtensionInput): Promise<{ courseId: string; homeworkId: string }> {
  const data = RemoveExtensionSchema.parse(input);
  const access = await authorizeHomework(actor, data.homeworkId, "grades.manage");
  await db.$transaction(async (tx) => {
    const extension = await tx.homeworkExtension.findUnique({
      where: { homeworkId_userId: { homeworkId: data.homeworkId, userId: data.userId } },
      select: { id: true, dueAt: true },
    });
    // Nothing to take back (or a second click got there first): nothing changed, nothing to record.
    if (!extension || (await tx.homeworkExtension.deleteMany({ where: { id: extension.id } })).count === 0) return;
    const moved = await recomputeLateness(tx, data.homeworkId, data.userId);
    await writeAudit(tx, actor, "homework.extension_remove", extension.id, {
      homeworkId: data.homeworkId,
      studentId: data.userId,
      ...extensionChange(extension.dueAt, null, moved),
    }, access);
  });
  return { courseId: access.courseId, homeworkId: data.homeworkId };
}

/** The extension's due time before and after, with the submission's lateness and score when they moved with it. */
function extensionChange(from: Date | null, to: Date | null, moved: LatenessChange[]) {
  const submission = moved[0];
  return {
    from: { dueAt: from?.toISOString() ?? null, ...submission?.from },
    to: { dueAt: to?.toISOString() ?? null, ...submission?.to },
  };
}
