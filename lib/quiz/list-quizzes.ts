import type { QuizStatus } from "@/generated/prisma/client";
import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";

export interface TeacherQuizRow {
  id: string;
  title: string;
  status: QuizStatus;
  opensAt: Date | null;
  closesAt: Date | null;
  lessonTitle: string | null;
  questionCount: number;
  /** Submitted attempts. */
  attemptCount: number;
  studentsAttempted: number;
  /** Short answers waiting for a marker. */
  toMark: number;
}

/** A course's quizzes for its staff (results need "grades.view"; editing "coursework.manage"). */
export async function listQuizzes(actor: Actor, courseId: string) {
  const access = await authorizeCourse(actor, courseId, "grades.view");
  const quizzes = await db.quiz.findMany({
    where: { courseId },
    orderBy: [{ createdAt: "desc" }],
    select: {
      id: true,
      title: true,
      status: true,
      opensAt: true,
      closesAt: true,
      lesson: { select: { title: true } },
      _count: { select: { questions: true } },
      draws: { select: { count: true } },
      attempts: { where: { status: "SUBMITTED" }, select: { userId: true } },
    },
  });
  const unmarked = await db.attemptQuestion.findMany({
    where: { score: null, attempt: { status: "SUBMITTED", quiz: { courseId } } },
    select: { attempt: { select: { quizId: true } } },
  });
  const toMarkByQuiz = new Map<string, number>();
  for (const { attempt } of unmarked) toMarkByQuiz.set(attempt.quizId, (toMarkByQuiz.get(attempt.quizId) ?? 0) + 1);
  const rows: TeacherQuizRow[] = quizzes.map((quiz) => ({
    id: quiz.id,
    title: quiz.title,
    status: quiz.status,
    opensAt: quiz.opensAt,
    closesAt: quiz.closesAt,
    lessonTitle: quiz.lesson?.title ?? null,
    questionCount: quiz._count.questions + quiz.draws.reduce((sum, draw) => sum + draw.count, 0),
    attemptCount: quiz.attempts.length,
    studentsAttempted: new Set(quiz.attempts.map((attempt) => attempt.userId)).size,
    toMark: toMarkByQuiz.get(quiz.id) ?? 0,
  }));
  return { courseId, canManage: access.actions.has("coursework.manage"), canMark: access.actions.has("grades.manage"), quizzes: rows };
}
