import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { studentQuizPath } from "./paths";
import { type QuizScore, quizScoreOf } from "./quiz-score";
import { type QuizWindowState, quizWindowOf } from "./quiz-window";
import { submitOverdueAttempts } from "./submit-overdue-attempts";

export interface StudentQuizListItem {
  id: string;
  title: string;
  lessonId: string | null;
  opensAt: Date | null;
  closesAt: Date | null;
  timeLimitMinutes: number | null;
  window: QuizWindowState;
  status: "not_started" | "in_progress" | "submitted";
  /** By the quiz's scoring rule; null before any submission. The score itself is null while being marked. */
  result: QuizScore | null;
  attemptsLeft: number;
  href: string;
}

/** The published quizzes of a course with where this student stands on each (for the coursework list). */
export async function listQuizzesForStudent(actor: Actor, courseId: string, now = new Date()): Promise<StudentQuizListItem[]> {
  await authorizeCourse(actor, courseId, "coursework.submit");
  await submitOverdueAttempts(now, { userId: actor.id });
  const quizzes = await db.quiz.findMany({
    where: { courseId, status: "PUBLISHED" },
    orderBy: [{ closesAt: { sort: "asc", nulls: "last" } }, { publishedAt: "asc" }],
    select: {
      id: true,
      title: true,
      lessonId: true,
      opensAt: true,
      closesAt: true,
      timeLimitMinutes: true,
      attemptsAllowed: true,
      scoring: true,
      attempts: { where: { userId: actor.id }, select: { number: true, status: true, score: true, maxScore: true } },
    },
  });
  return quizzes.map((quiz) => ({
    id: quiz.id,
    title: quiz.title,
    lessonId: quiz.lessonId,
    opensAt: quiz.opensAt,
    closesAt: quiz.closesAt,
    timeLimitMinutes: quiz.timeLimitMinutes,
    window: quizWindowOf(quiz, now),
    status: quiz.attempts.some((a) => a.status === "IN_PROGRESS") ? "in_progress" : quiz.attempts.length ? "submitted" : "not_started",
    result: quizScoreOf(quiz.scoring, quiz.attempts),
    attemptsLeft: Math.max(0, quiz.attemptsAllowed - quiz.attempts.length),
    href: studentQuizPath(quiz.id),
  }));
}
