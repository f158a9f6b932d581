import { type Actor, assertGlobal } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError, prismaCodeOf } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import type { UpdateCourseInput } from "./schemas";

/** Edits the catalogue fields an administrator owns (code, titles, term, department). */
export async function updateCourse(actor: Actor, input: UpdateCourseInput) {
  assertGlobal(actor, "admin.courses");
  const { courseId, ...fields } = input;
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.course.findUnique({
        where: { id: courseId },
        select: { code: true, title: true, titleEn: true, term: true, departmentId: true },
      });
      if (!before) throw new AppError("not_found");
      if (!(await tx.department.findUnique({ where: { id: fields.departmentId }, select: { id: true } }))) {
        throw new AppError("not_found");
      }
      const taken = await tx.course.findFirst({
        where: { code: fields.code, term: fields.term, id: { not: courseId } },
        select: { id: true },
      });
      if (taken) throw new AppError("course.code_taken");
      const course = await tx.course.update({
        where: { id: courseId },
        data: fields,
        select: { id: true, code: true, title: true, titleEn: true, term: true, departmentId: true },
      });
      const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((key) => before[key] !== fields[key]);
      await writeAudit(tx, actor, "course.update", course.id, {
        from: Object.fromEntries(changed.map((key) => [key, before[key]])),
        to: Object.fromEntries(changed.map((key) => [key, fields[key]])),
      }, { courseId: course.id, departmentId: course.departmentId });
      return course;
    });
  } catch (error) {
    if (prismaCodeOf(error) === "P2002") throw new AppError("course.code_taken");
    throw error;
  }
}
