import { type Actor, authorizeLesson } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { countChangedLines } from "./plan-diff";

/**
 * "What changed because of your feedback": the plan versions after the first, newest first, with the teacher's
 * change note, the objectives they address and whether the student's own feedback is among the causes. A first
 * version that records causes counts too: the plan was written in answer to the feedback. Other students' feedback
 * is never read here. Only the course's students, acting as themselves, may ask.
 */
export async function listPlanChangesForStudent(actor: Actor, lessonId: string) {
  const access = await authorizeLesson(actor, lessonId, "course.view");
  if (access.memberRole !== "STUDENT") throw new AppError("auth.forbidden");
  const versions = await db.lessonPlanVersion.findMany({
    where: { lessonId },
    orderBy: { version: "asc" },
    select: {
      id: true,
      version: true,
      content: true,
      changeNote: true,
      createdAt: true,
      objectives: { select: { objective: { select: { id: true, text: true, position: true } } } },
      feedback: { where: { feedback: { studentId: actor.id } }, select: { feedbackId: true } },
      _count: { select: { objectives: true, feedback: true } },
    },
  });
  const changes = versions.flatMap((v, i) => {
    if (i === 0 && v._count.objectives + v._count.feedback === 0) return [];
    const objectives = v.objectives.map(({ objective }) => objective).sort((a, b) => a.position - b.position);
    return [
      {
        id: v.id,
        version: v.version,
        changeNote: v.changeNote,
        createdAt: v.createdAt,
        objectives: objectives.map(({ id, text }) => ({ id, text })),
        yourFeedbackHelped: v.feedback.length > 0,
        /** Lines added and removed against the previous version; null for the first. */
        lines: i === 0 ? null : countChangedLines(versions[i - 1].content, v.content),
      },
    ];
  });
  const latest = versions[versions.length - 1];
  return {
    changes: changes.reverse(),
    yourFeedbackHelped: changes.some((c) => c.yourFeedbackHelped),
    currentPlan: changes.length > 0 ? { version: latest.version, content: latest.content } : null,
  };
}

export type PlanChangesForStudent = Awaited<ReturnType<typeof listPlanChangesForStudent>>;
