import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";

/** Whether points are on for a course, for the teacher's switch. */
export async function getPointsSetting(actor: Actor, courseId: string): Promise<{ courseId: string; enabled: boolean }> {
  const access = await authorizeCourse(actor, courseId, "coursework.manage");
  const course = await db.course.findUniqueOrThrow({ where: { id: access.courseId }, select: { pointsEnabled: true } });
  return { courseId: access.courseId, enabled: course.pointsEnabled };
}
