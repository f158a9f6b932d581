import type { AttemptScoring, ReviewPolicy } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { authorizeQuiz } from "./access";
import { type QuizScore, quizScoreOf } from "./quiz-score";
import { type QuizWindowState, quizWindowOf, reviewOpen } from "./quiz-window";
import { submitOverdueAttempts } from "./submit-overdue-attempts";

export interface StudentAttemptRow {
  id: string;
  number: number;
  status: "IN_PROGRESS" | "SUBMITTED";
  startedAt: Date;
  deadlineAt: Date | null;
  submittedAt: Date | null;
  autoSubmitted: boolean;
  score: number | null;
  maxScore: number;
  needsMarking: boolean;
  /** The review page would show answers now. */
  reviewable: boolean;
}

export interface QuizForStudent {
  quiz: {
    id: string;
    courseId: string;
    courseTitle: string;
    title: string;
    description: string;
    opensAt: Date | null;
    closesAt: Date | null;
    timeLimitMinutes: number | null;
    attemptsAllowed: number;
    scoring: AttemptScoring;
    review: ReviewPolicy;
    confidenceMarking: boolean;
    passPercent: number;
    questionCount: number;
  };
  window: QuizWindowState;
  attempts: StudentAttemptRow[];
  inProgressAttemptId: string | null;
  attemptsLeft: number;
  canStart: boolean;
  result: QuizScore | null;
}

/** The quiz page of a student: settings, window, their attempts and what counts; never a question or a key. */
export async function getQuizForStudent(actor: Actor, quizId: string, now = new Date()): Promise<QuizForStudent> {
  const { quiz } = await authorizeQuiz(actor, quizId, "coursework.submit");
  await submitOverdueAttempts(now, { quizId, userId: actor.id });
  const [course, attempts, fixedCount, draws] = await Promise.all([
    db.course.findUniqueOrThrow({ where: { id: quiz.courseId }, select: { title: true } }),
    db.quizAttempt.findMany({ where: { quizId, userId: actor.id }, orderBy: { number: "asc" } }),
    db.quizQuestion.count({ where: { quizId } }),
    db.quizDraw.findMany({ where: { quizId }, select: { count: true } }),
  ]);
  const window = quizWindowOf(quiz, now);
  const inProgress = attempts.find((attempt) => attempt.status === "IN_PROGRESS") ?? null;
  const attemptsLeft = Math.max(0, quiz.attemptsAllowed - attempts.length);
  return {
    quiz: {
      id: quiz.id,
      courseId: quiz.courseId,
      courseTitle: course.title,
      title: quiz.title,
      description: quiz.description,
      opensAt: quiz.opensAt,
      closesAt: quiz.closesAt,
      timeLimitMinutes: quiz.timeLimitMinutes,
      attemptsAllowed: quiz.attemptsAllowed,
      scoring: quiz.scoring,
      review: quiz.review,
      confidenceMarking: quiz.confidenceMarking,
      passPercent: quiz.passPercent,
      questionCount: fixedCount + draws.reduce((sum, draw) => sum + draw.count, 0),
    },
    window,
    attempts: attempts.map((attempt) => ({
      id: attempt.id,
      number: attempt.number,
      status: attempt.status,
      startedAt: attempt.startedAt,
      deadlineAt: attempt.deadlineAt,
      submittedAt: attempt.submittedAt,
      autoSubmitted: attempt.autoSubmitted,
      score: attempt.score,
      maxScore: attempt.maxScore,
      needsMarking: attempt.needsMarking,
      reviewable: reviewOpen(quiz, attempt, now),
    })),
    inProgressAttemptId: inProgress?.id ?? null,
    attemptsLeft,
    canStart: !inProgress && window === "open" && attemptsLeft > 0,
    result: quizScoreOf(quiz.scoring, attempts),
  };
}
