import { type Actor, authorizeLesson } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError, prismaCodeOf } from "@/lib/errors";
import { raiseEvent } from "@/lib/events/raise-event";
import { type SavePlanVersionInput, SavePlanVersionSchema } from "./schemas";

/**
 * Saves the next version of a lesson's plan with what caused it: objectives of this lesson and students' feedback
 * on it. Started from an older version than the latest, or racing another save, it is a conflict (the unique
 * (lessonId, version) settles races); causes outside the lesson are not_found. Requires course.edit.
 */
export async function savePlanVersion(actor: Actor, input: SavePlanVersionInput): Promise<{ id: string; lessonId: string; version: number }> {
  const data = SavePlanVersionSchema.parse(input);
  const { courseId } = await authorizeLesson(actor, data.lessonId, "course.edit");
  const lessonId = data.lessonId;
  const objectiveIds = [...new Set(data.objectiveIds)];
  const feedbackIds = [...new Set(data.feedbackIds)];
  try {
    return await db.$transaction(async (tx) => {
      const objectives = await tx.lessonObjective.count({ where: { id: { in: objectiveIds }, lessonId } });
      const feedback = await tx.preClassFeedback.count({ where: { id: { in: feedbackIds }, lessonId } });
      if (objectives !== objectiveIds.length || feedback !== feedbackIds.length) throw new AppError("not_found");
      const latest = await tx.lessonPlanVersion.findFirst({
        where: { lessonId },
        orderBy: { version: "desc" },
        select: { version: true, content: true },
      });
      if (data.baseVersion !== (latest?.version ?? 0)) throw new AppError("conflict");
      if (latest?.content === data.content) throw new AppError("plan.unchanged");
      const version = await tx.lessonPlanVersion.create({
        data: {
          lessonId,
          version: (latest?.version ?? 0) + 1,
          content: data.content,
          changeNote: data.changeNote,
          authorId: actor.id,
          objectives: { create: objectiveIds.map((objectiveId) => ({ objectiveId })) },
          feedback: { create: feedbackIds.map((feedbackId) => ({ feedbackId })) },
        },
        select: { id: true, version: true },
      });
      // The WeChat mirror tells the students whose feedback is among the causes; ids only.
      await raiseEvent(tx, {
        type: "plan.revised",
        courseId,
        lessonId,
        subjectId: version.id,
        payload: { version: version.version, objectiveIds, feedbackIds },
      });
      return { id: version.id, lessonId, version: version.version };
    });
  } catch (error) {
    if (prismaCodeOf(error) === "P2002") throw new AppError("conflict");
    throw error;
  }
}
