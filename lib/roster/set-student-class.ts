import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SetClassInput } from "./schemas";

/**
 * Sets the 行政班 of a student on the course's roster, creating the class when no class has that name yet.
 * Classes are school-wide, so this changes the student's class in every course.
 */
export async function setStudentClass(actor: Actor, input: SetClassInput): Promise<{ classId: string | null }> {
  await authorizeCourse(actor, input.courseId, "roster.manage");
  const member = await db.courseMember.findFirst({
    where: { courseId: input.courseId, userId: input.userId, role: "STUDENT" },
    select: { userId: true },
  });
  if (!member) throw new AppError("not_found");
  const classId = input.className
    ? (await db.class.upsert({ where: { name: input.className }, create: { name: input.className }, update: {}, select: { id: true } })).id
    : null;
  await db.user.update({ where: { id: member.userId }, data: { classId } });
  return { classId };
}
