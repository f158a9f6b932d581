import type { CourseRole, Prisma } from "@/generated/prisma/client";
import { type Actor, authorizeCourse, courseVisibleTo } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Who the actor is inside one course, for notes and threads. These are conversations among the people of a course:
 * anyone who is not a member (admins and department admins included, though they may read the course) gets
 * not_found, so nothing leaks about what members wrote.
 *
 * Moderation (pin, mark the answer, hide) belongs to the course's staff: memberRole TEACHER or ASSISTANT. No
 * CourseAction covers it ("course.edit" excludes assistants), so this is the one place that decides it.
 */
export interface CourseMembership {
  courseId: string;
  memberRole: CourseRole;
  /** The actor's current 小组 in this course. */
  groupId: string | null;
  isStaff: boolean;
}

export async function getCourseMembership(actor: Actor, courseId: string): Promise<CourseMembership> {
  const access = await authorizeCourse(actor, courseId, "course.view");
  if (!access.memberRole) throw new AppError("not_found");
  const member = await db.courseMember.findUnique({
    where: { courseId_userId: { courseId: access.courseId, userId: actor.id } },
    select: { groupId: true },
  });
  if (!member) throw new AppError("not_found");
  return {
    courseId: access.courseId,
    memberRole: access.memberRole,
    groupId: access.memberRole === "STUDENT" ? member.groupId : null,
    isStaff: access.memberRole === "TEACHER" || access.memberRole === "ASSISTANT",
  };
}

/** The membership in a lesson's course, with the lesson's clinical case (if any) for notes and threads about it. */
export async function getLessonMembership(actor: Actor, lessonId: string) {
  const lesson = await db.lesson.findUnique({
    where: { id: lessonId },
    select: { id: true, courseId: true, clinicalCase: { select: { id: true, deidentified: true } } },
  });
  if (!lesson) throw new AppError("not_found");
  const membership = await getCourseMembership(actor, lesson.courseId);
  return { membership, lessonId: lesson.id, clinicalCase: lesson.clinicalCase };
}

export function assertStaff(membership: CourseMembership): void {
  if (!membership.isStaff) throw new AppError("auth.forbidden");
}

/** Prisma filter for the courses the actor belongs to (as student or staff) and may see. */
export const coursesOfMember = (actor: Actor): Prisma.CourseWhereInput => ({
  AND: [courseVisibleTo(actor), { members: { some: { userId: actor.id } } }],
});
