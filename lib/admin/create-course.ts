import { type Actor, assertGlobal } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError, prismaCodeOf } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import type { CreateCourseInput } from "./schemas";

export async function createCourse(actor: Actor, input: CreateCourseInput) {
  assertGlobal(actor, "admin.courses");
  try {
    return await db.$transaction(async (tx) => {
      if (!(await tx.department.findUnique({ where: { id: input.departmentId }, select: { id: true } }))) {
        throw new AppError("not_found");
      }
      const taken = await tx.course.findUnique({ where: { code_term: { code: input.code, term: input.term } }, select: { id: true } });
      if (taken) throw new AppError("course.code_taken");
      const course = await tx.course.create({
        data: { code: input.code, title: input.title, titleEn: input.titleEn, term: input.term, departmentId: input.departmentId },
        select: { id: true, code: true, title: true, term: true, departmentId: true },
      });
      await writeAudit(tx, actor, "course.create", course.id, {
        code: course.code,
        title: course.title,
        term: course.term,
        departmentId: course.departmentId,
      }, { courseId: course.id, departmentId: course.departmentId });
      return course;
    });
  } catch (error) {
    if (prismaCodeOf(error) === "P2002") throw new AppError("course.code_taken");
    throw error;
  }
}
