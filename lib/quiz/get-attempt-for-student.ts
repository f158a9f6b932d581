import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { loadOwnAttempt } from "./own-attempt";
import { ATTEMPT_ITEM_SELECT, type StudentQuestionView, studentQuestionViews } from "./student-views";

export type AttemptForStudent =
  | { state: "submitted"; quizId: string; attemptId: string }
  | {
      state: "in_progress";
      quiz: { id: string; courseId: string; title: string; confidenceMarking: boolean };
      attempt: { id: string; number: number; startedAt: Date; deadlineAt: Date | null };
      questions: StudentQuestionView[];
      /** The server's clock when this was read; the countdown runs from deadlineAt − serverNow. */
      serverNow: Date;
    };

/** The paper of an attempt in progress, with the student's saved answers; no key, explanation or reference answer. */
export async function getAttemptForStudent(actor: Actor, attemptId: string, now = new Date()): Promise<AttemptForStudent> {
  const attempt = await loadOwnAttempt(actor, attemptId, now);
  if (attempt.status === "SUBMITTED") return { state: "submitted", quizId: attempt.quizId, attemptId: attempt.id };
  const rows = await db.attemptQuestion.findMany({ where: { attemptId: attempt.id }, select: ATTEMPT_ITEM_SELECT });
  return {
    state: "in_progress",
    quiz: { id: attempt.quiz.id, courseId: attempt.quiz.courseId, title: attempt.quiz.title, confidenceMarking: attempt.quiz.confidenceMarking },
    attempt: { id: attempt.id, number: attempt.number, startedAt: attempt.startedAt, deadlineAt: attempt.deadlineAt },
    questions: studentQuestionViews(rows),
    serverNow: now,
  };
}
