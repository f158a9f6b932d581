import { writeAudit } from "@/lib/audit/write-audit";
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
  const access = await authorizeHomework(actor, data.homeworkId, "grades.manage");
  const gradesReleasedAt = data.released ? now : null;
  await db.$transaction(async (tx) => {
    const before = await tx.homework.findUniqueOrThrow({ where: { id: data.homeworkId }, select: { gradesReleasedAt: true } });
    await tx.homework.update({ where: { id: data.homeworkId }, data: { gradesReleasedAt } });
    await writeAudit(tx, actor, data.released ? "homework.release_grades" : "homework.unrelease_grades", data.homeworkId, {
      homeworkId: data.homeworkId,
      from: { gradesReleasedAt: before.gradesReleasedAt?.toISOString() ?? null },
      to: { gradesReleasedAt: gradesReleasedAt?.toISOString() ?? null },
    }, access);
  });
  return { courseId: access.courseId, homeworkId: data.homeworkId };
}
