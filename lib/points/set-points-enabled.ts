import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { type SetPointsEnabledInput, SetPointsEnabledSchema } from "./schemas";

/**
 * The course teacher switches points on or off. Off hides points from the course's students and stops new awards;
 * the awards already made stay and show again when it is switched back on.
 */
export async function setPointsEnabled(actor: Actor, input: SetPointsEnabledInput): Promise<{ courseId: string; enabled: boolean }> {
  const data = SetPointsEnabledSchema.parse(input);
  const { courseId } = await authorizeCourse(actor, data.courseId, "coursework.manage");
  await db.course.update({ where: { id: courseId }, data: { pointsEnabled: data.enabled } });
  return { courseId, enabled: data.enabled };
}
