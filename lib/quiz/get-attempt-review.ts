import type { ReviewPolicy } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { loadOwnAttempt } from "./own-attempt";
import { reviewOpen } from "./quiz-window";
import { REVIEW_ITEM_SELECT, type ReviewQuestionView, reviewQuestionViews } from "./student-views";

interface AttemptSummary {
  id: string;
  number: number;
  submittedAt: Date | null;
  autoSubmitted: boolean;
  score: number | null;
  maxScore: number;
  needsMarking: boolean;
}

export type AttemptReview =
  | { state: "in_progress"; quizId: string; attemptId: string }
  | {
      state: "not_available";
      quiz: { id: string; title: string; review: ReviewPolicy; closesAt: Date | null };
      attempt: AttemptSummary;
    }
  | {
      state: "review";
      quiz: { id: string; title: string; review: ReviewPolicy; closesAt: Date | null; confidenceMarking: boolean };
      attempt: AttemptSummary;
      questions: ReviewQuestionView[];
    };

/**
 * A submitted attempt as its student may see it: the score always; the answers, keys and explanations only once the
 * quiz's review policy allows (reviewOpen). Before that, nothing of the key is even read from the database.
 */
export async function getAttemptReview(actor: Actor, attemptId: string, now = new Date()): Promise<AttemptReview> {
  const attempt = await loadOwnAttempt(actor, attemptId, now);
  if (attempt.status === "IN_PROGRESS") return { state: "in_progress", quizId: attempt.quizId, attemptId: attempt.id };
  const { quiz } = attempt;
  const summary: AttemptSummary = {
    id: attempt.id,
    number: attempt.number,
    submittedAt: attempt.submittedAt,
    autoSubmitted: attempt.autoSubmitted,
    score: attempt.score,
    maxScore: attempt.maxScore,
    needsMarking: attempt.needsMarking,
  };
  const quizView = { id: quiz.id, title: quiz.title, review: quiz.review, closesAt: quiz.closesAt };
  if (!reviewOpen(quiz, attempt, now)) return { state: "not_available", quiz: quizView, attempt: summary };
  const rows = await db.attemptQuestion.findMany({ where: { attemptId: attempt.id }, select: REVIEW_ITEM_SELECT });
  return {
    state: "review",
    quiz: { ...quizView, confidenceMarking: quiz.confidenceMarking },
    attempt: summary,
    questions: reviewQuestionViews(rows),
  };
}
