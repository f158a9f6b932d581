import { type Actor, authorizeLesson } from "@/lib/auth/authz";
import { db } from "@/lib/db";

/**
 * A lesson's plan history, newest first, with who wrote each version and what caused it (objectives and the
 * students' feedback, with names). Staff only ("feedback.view"); `canEdit` says whether the actor may add a version.
 */
export async function listPlanVersions(actor: Actor, lessonId: string) {
  const access = await authorizeLesson(actor, lessonId, "feedback.view");
  const versions = await db.lessonPlanVersion.findMany({
    where: { lessonId },
    orderBy: { version: "desc" },
    select: {
      id: true,
      version: true,
      content: true,
      changeNote: true,
      authorId: true,
      createdAt: true,
      objectives: { select: { objective: { select: { id: true, text: true, position: true } } } },
      feedback: {
        select: {
          feedback: { select: { id: true, unclear: true, questions: true, student: { select: { no: true, name: true } } } },
        },
      },
    },
  });
  const authorIds = [...new Set(versions.flatMap((v) => (v.authorId ? [v.authorId] : [])))];
  const authors = await db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } });
  const authorName = new Map(authors.map((a) => [a.id, a.name]));
  return {
    lessonId,
    canEdit: access.actions.has("course.edit"),
    versions: versions.map((v) => ({
      id: v.id,
      version: v.version,
      content: v.content,
      changeNote: v.changeNote,
      createdAt: v.createdAt,
      authorName: (v.authorId && authorName.get(v.authorId)) || null,
      objectives: v.objectives.map((o) => o.objective).sort((a, b) => a.position - b.position),
      feedback: v.feedback
        .map(({ feedback }) => ({
          id: feedback.id,
          studentNo: feedback.student.no,
          studentName: feedback.student.name,
          unclear: feedback.unclear,
          questions: feedback.questions,
        }))
        .sort((a, b) => a.studentNo.localeCompare(b.studentNo)),
    })),
  };
}

export type PlanVersions = Awaited<ReturnType<typeof listPlanVersions>>;
export type PlanVersionEntry = PlanVersions["versions"][number];
