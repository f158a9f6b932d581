import { type Actor, assertGlobal } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import type { SetCourseArchivedInput } from "./schemas";

/** Archived courses leave the teachers' and students' home pages; nothing in them is deleted. */
export async function setCourseArchived(actor: Actor, input: SetCourseArchivedInput): Promise<void> {
  assertGlobal(actor, "admin.courses");
  await db.$transaction(async (tx) => {
    const course = await tx.course.findUnique({ where: { id: input.courseId }, select: { id: true, archived: true } });
    if (!course) throw new AppError("not_found");
    if (course.archived === input.archived) return;
    await tx.course.update({ where: { id: course.id }, data: { archived: input.archived } });
    await writeAudit(tx, actor, input.archived ? "course.archive" : "course.unarchive", course.id, {}, { courseId: course.id });
  });
}
