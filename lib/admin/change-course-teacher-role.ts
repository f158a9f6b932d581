import { type Actor, assertGlobal } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { COURSE_STAFF_ROLES, type AssignCourseTeacherInput } from "./schemas";

/** Switches a course's teacher to assistant or back. Student memberships are the roster's business: not_found here. */
export async function changeCourseTeacherRole(actor: Actor, input: AssignCourseTeacherInput): Promise<void> {
  assertGlobal(actor, "admin.courses");
  await db.$transaction(async (tx) => {
    const member = await tx.courseMember.findFirst({
      where: { courseId: input.courseId, userId: input.userId, role: { in: [...COURSE_STAFF_ROLES] } },
      select: { id: true, role: true, user: { select: { no: true } } },
    });
    if (!member) throw new AppError("not_found");
    if (member.role === input.role) return;
    await tx.courseMember.update({ where: { id: member.id }, data: { role: input.role } });
    await writeAudit(tx, actor, "course.change_teacher_role", input.courseId, {
      userId: input.userId,
      no: member.user.no,
      from: member.role,
      to: input.role,
    }, { courseId: input.courseId });
  });
}
