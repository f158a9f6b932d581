import { type Actor, type AuthorizedCourse, type CourseAction, authorizeCourse, isWellFormedId } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * A homework through its course's authorization. Only the course's staff learn that a draft exists: for anyone
 * else it is not_found, like a homework of a course they cannot see.
 */
export async function authorizeHomework(actor: Actor, homeworkId: string, action: CourseAction): Promise<AuthorizedCourse> {
  if (!isWellFormedId(homeworkId)) throw new AppError("not_found");
  const homework = await db.homework.findUnique({ where: { id: homeworkId }, select: { courseId: true, status: true } });
  if (!homework) throw new AppError("not_found");
  const access = await authorizeCourse(actor, homework.courseId, "course.view");
  if (homework.status !== "PUBLISHED" && !isStaff(access)) throw new AppError("not_found");
  if (!access.actions.has(action)) throw new AppError("auth.forbidden");
  return access;
}

export const isStaff = (access: Pick<AuthorizedCourse, "actions">): boolean =>
  access.actions.has("grades.view") || access.actions.has("coursework.manage");
