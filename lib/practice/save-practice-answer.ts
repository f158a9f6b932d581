import type { PracticeSource } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { recordAnswerOutcomes } from "@/lib/mistakes/record-answer-outcomes";
import type { QuestionResponse } from "@/lib/qbank/question-shapes";
import { scoreResponse } from "@/lib/qbank/score";
import { awardPracticeStreak } from "./award-practice-streak";
import { type CorrectAnswer, type PracticeQuestionRow, correctAnswerOf } from "./question-view";

/** What a student sees right after answering: the verdict, the key and the explanation, and where the mistake book put it. */
export interface PracticeFeedback {
  questionId: string;
  correct: boolean;
  /** Share of the credit, 0–1 (partly right multiple choice and fill-in). */
  fraction: number;
  answer: CorrectAnswer;
  /** Markdown. */
  explanation: string;
  /** The question's mistake-book item after this answer; null when it is not in the book. */
  mistake: { box: number; dueAt: Date; masteredAt: Date | null } | null;
  streakAwarded: boolean;
}

/**
 * Stores one checked, non-empty answer of practice or review and everything that follows from it, in the caller's
 * transaction: the PracticeAnswer row, the mistake book's Leitner step and the practice-streak points.
 */
export async function savePracticeAnswer(
  tx: Tx,
  input: { userId: string; courseId: string; question: PracticeQuestionRow; response: QuestionResponse; source: PracticeSource; now: Date },
): Promise<PracticeFeedback> {
  const { userId, courseId, question, response, now } = input;
  const score = scoreResponse(question, response);
  const correct = score.correct === true;
  await tx.practiceAnswer.create({
    data: { userId, questionId: question.id, courseId, source: input.source, response, correct, createdAt: now },
  });
  await recordAnswerOutcomes(tx, { userId, courseId, outcomes: [{ questionId: question.id, correct }], now });
  const streakAwarded = await awardPracticeStreak(tx, { userId, courseId, now });
  const mistake = await tx.mistakeItem.findUnique({
    where: { userId_questionId: { userId, questionId: question.id } },
    select: { box: true, dueAt: true, masteredAt: true },
  });
  return {
    questionId: question.id,
    correct,
    fraction: score.fraction ?? 0,
    answer: correctAnswerOf(question),
    explanation: question.explanation,
    mistake,
    streakAwarded,
  };
}
