import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { type EvaluationState, evaluationStateOf } from "./window";

export interface EvaluationListItem {
  id: string;
  title: string;
  lessonTitle: string | null;
  opensAt: Date;
  closesAt: Date;
  state: EvaluationState;
  responses: number;
}

/** A course's evaluations for its staff and department admin, newest first, with response counts only. */
export async function listEvaluationsForCourse(
  actor: Actor,
  courseId: string,
): Promise<{ canManage: boolean; studentCount: number; evaluations: EvaluationListItem[] }> {
  const access = await authorizeCourse(actor, courseId, "evaluation.view");
  const now = new Date();
  const [rows, studentCount] = await Promise.all([
    db.evaluation.findMany({
      where: { courseId: access.courseId },
      orderBy: [{ opensAt: "desc" }, { createdAt: "desc" }],
      select: {
        id: true,
        title: true,
        opensAt: true,
        closesAt: true,
        lesson: { select: { title: true } },
        _count: { select: { responses: true } },
      },
    }),
    db.courseMember.count({ where: { courseId: access.courseId, role: "STUDENT" } }),
  ]);
  return {
    canManage: access.actions.has("coursework.manage"),
    studentCount,
    evaluations: rows.map((row) => ({
      id: row.id,
      title: row.title,
      lessonTitle: row.lesson?.title ?? null,
      opensAt: row.opensAt,
      closesAt: row.closesAt,
      state: evaluationStateOf(row, now),
      responses: row._count.responses,
    })),
  };
}
