import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { instantOfLocal } from "@/lib/preclass/local-datetime";
import { authorizeHomework } from "./authorize-homework";
import { recomputeLateness } from "./recompute-lateness";
import { type GrantExtensionInput, GrantExtensionSchema, type RemoveExtensionInput, RemoveExtensionSchema } from "./schemas";

/**
 * Gives one student of the course a later due time (grades.manage), or moves it. A submission already in is
 * re-judged against it: handed in before the new time, it is no longer late.
 */
export async function grantExtension(actor: Actor, input: GrantExtensionInput): Promise<{ courseId: string; homeworkId: string }> {
  const data = GrantExtensionSchema.parse(input);
  const { courseId } = await authorizeHomework(actor, data.homeworkId, "grades.manage");
  const dueAt = instantOfLocal(data.dueAt);
  const student = await db.courseMember.findFirst({ where: { courseId, userId: data.userId, role: "STUDENT" }, select: { id: true } });
  if (!student) throw new AppError("homework.not_student");
  await db.$transaction(async (tx) => {
    const homework = await tx.homework.findUniqueOrThrow({ where: { id: data.homeworkId }, select: { dueAt: true } });
    if (dueAt <= homework.dueAt) throw new AppError("homework.extension_not_later");
    await tx.homeworkExtension.upsert({
      where: { homeworkId_userId: { homeworkId: data.homeworkId, userId: data.userId } },
      create: { homeworkId: data.homeworkId, userId: data.userId, dueAt, grantedById: actor.id },
      update: { dueAt, grantedById: actor.id },
    });
    await recomputeLateness(tx, data.homeworkId, data.userId);
  });
  return { courseId, homeworkId: data.homeworkId };
}

/** Takes an extension back (grades.manage); the student's submission is judged against the homework's due time again. */
export async function removeExtension(actor: Actor, input: RemoveExtensionInput): Promise<{ courseId: string; homeworkId: string }> {
  const data = RemoveExtensionSchema.parse(input);
  const { courseId } = await authorizeHomework(actor, data.homeworkId, "grades.manage");
  await db.$transaction(async (tx) => {
    await tx.homeworkExtension.deleteMany({ where: { homeworkId: data.homeworkId, userId: data.userId } });
    await recomputeLateness(tx, data.homeworkId, data.userId);
  });
  return { courseId, homeworkId: data.homeworkId };
}
