import { type Actor, authorizeLesson } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { diffPlans } from "./plan-diff";
import { type PlanVersionRef, PlanVersionRefSchema } from "./schemas";

/**
 * What one plan version changed against its predecessor. The first version is compared with an empty plan
 * (`previousVersion` null). Staff only ("feedback.view"); a version that does not exist is not_found.
 */
export async function getPlanVersionDiff(actor: Actor, ref: PlanVersionRef) {
  const { lessonId, version } = PlanVersionRefSchema.parse(ref);
  await authorizeLesson(actor, lessonId, "feedback.view");
  const [current, previous] = await Promise.all([
    db.lessonPlanVersion.findUnique({ where: { lessonId_version: { lessonId, version } }, select: { version: true, content: true } }),
    db.lessonPlanVersion.findFirst({
      where: { lessonId, version: { lt: version } },
      orderBy: { version: "desc" },
      select: { version: true, content: true },
    }),
  ]);
  if (!current) throw new AppError("not_found");
  return { version: current.version, previousVersion: previous?.version ?? null, diff: diffPlans(previous?.content ?? "", current.content) };
}
