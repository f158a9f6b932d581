import { randomBytes } from "node:crypto";
import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import type { Rubric } from "@/lib/rubric/rubric";

const newId = (prefix: string) => `${prefix}${randomBytes(5).toString("hex")}`;

/** A new rubric starts with one criterion of three levels (0, 1, 2 points), titled as given, to fill in. */
export const starterRubric = (levelTitles: [string, string, string]): Rubric => [
  {
    kind: "levels",
    id: newId("c"),
    title: "",
    description: "",
    levels: levelTitles.map((title, points) => ({ id: newId("l"), title, description: "", points })),
  },
];

/** What the setup form offers to link to (coursework.manage): the course's lessons and assessment items. */
export async function getPeerSetupOptions(actor: Actor, courseId: string) {
  await authorizeCourse(actor, courseId, "coursework.manage");
  const [lessons, assessmentItems] = await Promise.all([
    db.lesson.findMany({ where: { courseId }, orderBy: { position: "asc" }, select: { id: true, title: true } }),
    db.assessmentItem.findMany({ where: { courseId }, orderBy: { position: "asc" }, select: { id: true, name: true } }),
  ]);
  return { lessons, assessmentItems };
}
