import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import type { Rubric } from "@/lib/rubric/rubric";
import { withIds } from "@/lib/rubric/with-ids";

/** A new rubric starts with one criterion of three levels (0, 1, 2 points), titled as given, to fill in. */
export const starterRubric = (levelTitles: [string, string, string]): Rubric =>
  withIds([{ title: "", levels: levelTitles.map((title, points) => ({ title, points })) }]);

/** What the setup form offers to link to (coursework.manage): the course's lessons and assessment items. */
export async function getPeerSetupOptions(actor: Actor, courseId: string) {
  await authorizeCourse(actor, courseId, "coursework.manage");
  const [lessons, assessmentItems] = await Promise.all([
    db.lesson.findMany({ where: { courseId }, orderBy: { position: "asc" }, select: { id: true, title: true } }),
    db.assessmentItem.findMany({ where: { courseId }, orderBy: { position: "asc" }, select: { id: true, name: true } }),
  ]);
  return { lessons, assessmentItems };
}
