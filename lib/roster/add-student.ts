import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { AppError, prismaCodeOf } from "@/lib/errors";
import { assertGroupInCourse } from "./groups";
import type { AddStudentInput } from "./schemas";

/** Adds an existing student account (by 学号) to the course's roster, optionally straight into a group. */
export async function addStudent(actor: Actor, input: AddStudentInput): Promise<{ userId: string }> {
  await authorizeCourse(actor, input.courseId, "roster.manage");
  const user = await db.user.findUnique({ where: { no: input.no }, select: { id: true, role: true } });
  if (!user) throw new AppError("roster.no_such_student");
  if (user.role !== "STUDENT") throw new AppError("roster.not_student");
  if (input.groupId) await assertGroupInCourse(input.courseId, input.groupId);
  try {
    await db.$transaction(async (tx) => {
      await tx.courseMember.create({ data: { courseId: input.courseId, userId: user.id, role: "STUDENT", groupId: input.groupId } });
      await writeAudit(tx, actor, "roster.add_student", input.courseId, { userId: user.id, no: input.no }, { courseId: input.courseId });
    });
  } catch (error) {
    if (prismaCodeOf(error) === "P2002") throw new AppError("roster.already_member");
    throw error;
  }
  return { userId: user.id };
}
