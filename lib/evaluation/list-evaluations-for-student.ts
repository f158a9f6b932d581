import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";

export interface StudentEvaluationItem {
  id: string;
  title: string;
  lessonId: string | null;
  lessonTitle: string | null;
  closesAt: Date;
  /** This student has already answered (the answer itself is not linked to them). */
  answered: boolean;
}

/** The course's evaluations open right now, soonest closing first, for a student's coursework list. */
export async function listEvaluationsForStudent(actor: Actor, courseId: string): Promise<StudentEvaluationItem[]> {
  const access = await authorizeCourse(actor, courseId, "coursework.submit");
  const now = new Date();
  const rows = await db.evaluation.findMany({
    where: { courseId: access.courseId, opensAt: { lte: now }, closesAt: { gt: now } },
    orderBy: [{ closesAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      closesAt: true,
      lesson: { select: { id: true, title: true } },
      respondents: { where: { userId: actor.id }, select: { id: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    lessonId: row.lesson?.id ?? null,
    lessonTitle: row.lesson?.title ?? null,
    closesAt: row.closesAt,
    answered: row.respondents.length > 0,
  }));
}
