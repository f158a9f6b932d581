import { writeAudit } from "@/lib/audit/write-audit";
import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { type SetPointsEnabledInput, SetPointsEnabledSchema } from "./schemas";

/**
 * The course teacher switches points on or off. Off hides points from the course's students and stops new awards;
 * the awards already made stay and show again when it is switched back on. A real switch is audited.
 */
export async function setPointsEnabled(actor: Actor, input: SetPointsEnabledInput): Promise<{ courseId: string; enabled: boolean }> {
  const data = SetPointsEnabledSchema.parse(input);
  const access = await authorizeCourse(actor, data.courseId, "coursework.manage");
  const { courseId } = access;
  await db.$transaction(async (tx) => {
    const before = await tx.course.findUniqueOrThrow({ where: { id: courseId }, select: { pointsEnabled: true } });
    if (before.pointsEnabled === data.enabled) return;
    await tx.course.update({ where: { id: courseId }, data: { pointsEnabled: data.enabled } });
    await writeAudit(tx, actor, data.enabled ? "points.enable" : "points.disable", courseId, {
      from: { pointsEnabled: before.pointsEnabled },
      to: { pointsEnabled: data.enabled },
    }, access);
  });
  return { courseId, enabled: data.enabled };
}
