import { type Actor, assertGlobal } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { COURSE_STAFF_ROLES, type RemoveCourseTeacherInput } from "./schemas";

/** Takes a teacher or assistant off the course. Students are removed through the roster, not here. */
export async function removeCourseTeacher(actor: Actor, input: RemoveCourseTeacherInput): Promise<void> {
  assertGlobal(actor, "admin.courses");
  await db.$transaction(async (tx) => {
    const member = await tx.courseMember.findFirst({
      where: { courseId: input.courseId, userId: input.userId, role: { in: [...COURSE_STAFF_ROLES] } },
      select: { id: true, role: true, user: { select: { no: true } } },
    });
    if (!member) throw new AppError("not_found");
    await tx.courseMember.delete({ where: { id: member.id } });
    await writeAudit(tx, actor, "course.remove_teacher", input.courseId, { userId: input.userId, no: member.user.no, role: member.role }, { courseId: input.courseId });
  });
}
