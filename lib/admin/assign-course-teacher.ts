import { type Actor, assertGlobal } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError, prismaCodeOf } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { STAFF_ROLES, type AssignCourseTeacherInput } from "./schemas";

/**
 * Adds a staff account (TEACHER or DEPT_ADMIN, from any department) to the course as teacher or assistant.
 * A student account is refused with `course.not_staff`: course membership alone must never turn a student into
 * staff. Someone already in the course (as staff or student) is a `conflict`; change the role instead.
 */
export async function assignCourseTeacher(actor: Actor, input: AssignCourseTeacherInput) {
  assertGlobal(actor, "admin.courses");
  try {
    return await db.$transaction(async (tx) => {
      const course = await tx.course.findUnique({ where: { id: input.courseId }, select: { id: true } });
      const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, no: true, role: true, disabled: true } });
      if (!course || !user) throw new AppError("not_found");
      if (!(STAFF_ROLES as readonly string[]).includes(user.role) || user.disabled) throw new AppError("course.not_staff");
      const existing = await tx.courseMember.findUnique({
        where: { courseId_userId: { courseId: course.id, userId: user.id } },
        select: { id: true },
      });
      if (existing) throw new AppError("conflict");
      const member = await tx.courseMember.create({
        data: { courseId: course.id, userId: user.id, role: input.role },
        select: { id: true, role: true },
      });
      await writeAudit(tx, actor, "course.assign_teacher", course.id, { userId: user.id, no: user.no, role: member.role }, { courseId: course.id });
      return member;
    });
  } catch (error) {
    if (prismaCodeOf(error) === "P2002") throw new AppError("conflict");
    throw error;
  }
}
