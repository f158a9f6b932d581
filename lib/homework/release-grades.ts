import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { authorizeHomework } from "./authorize-homework";
import { type ReleaseGradesInput, ReleaseGradesSchema } from "./schemas";

/**
 * Shows the homework's grades to its students, or hides them again (grades.manage). Released grades reach each
 * student's own view and the course gradebook; grades given after the release show as soon as they are saved.
 */
export async function releaseGrades(actor: Actor, input: ReleaseGradesInput, now = new Date()): Promise<{ courseId: string; homeworkId: string }> {
  const data = ReleaseGradesSchema.parse(input);
  const { courseId } = await authorizeHomework(actor, data.homeworkId, "grades.manage");
  await db.homework.update({ where: { id: data.homeworkId }, data: { gradesReleasedAt: data.released ? now : null } });
  return { courseId, homeworkId: data.homeworkId };
}
