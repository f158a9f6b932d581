import { type ScorableQuestion, isAnswered, parseResponse } from "@/lib/qbank/question-shapes";
import { pointsFor, scoreResponse } from "@/lib/qbank/score";

export interface GradableItem {
  id: string;
  questionId: string;
  points: number;
  question: ScorableQuestion;
  response: unknown;
  confidence: number | null;
}

export interface GradedItem {
  id: string;
  questionId: string;
  /** null: an answered short answer waiting for a teacher. */
  score: number | null;
  correct: boolean | null;
  answered: boolean;
  /** Auto-graded (everything but short answers): these go to the mistake book. */
  objective: boolean;
}

export interface GradedAttempt {
  items: GradedItem[];
  score: number | null;
  needsMarking: boolean;
  answeredCount: number;
}

/** An attempt's score: the sum of its questions, never below 0 (CBM can go negative), null while any is unmarked. */
export function attemptScoreOf(scores: readonly (number | null)[]): number | null {
  if (scores.some((score) => score === null)) return null;
  const sum = (scores as number[]).reduce((total, score) => total + score, 0);
  return Math.max(0, Math.round(sum * 100) / 100);
}

/**
 * Grades a submitted attempt with the bank's scoring (lib/qbank/score.ts). Confidence-based marking applies to
 * auto-graded questions; a short answer is marked by a teacher in points and has no confidence. An unanswered short
 * answer scores 0 at once, so only written answers wait in the marking queue.
 */
export function gradeAttempt(items: readonly GradableItem[], confidenceMarking: boolean): GradedAttempt {
  const graded = items.map((item): GradedItem => {
    const result = scoreResponse(item.question, item.response);
    if (item.question.type === "SHORT_ANSWER") {
      const answered = isAnswered(parseResponse("SHORT_ANSWER", item.response));
      return { id: item.id, questionId: item.questionId, score: answered ? null : 0, correct: answered ? null : false, answered, objective: false };
    }
    const fraction = result.fraction ?? 0;
    const score = pointsFor(item.points, fraction, {
      confidenceMarking,
      confidence: result.answered ? item.confidence : null,
    });
    return { id: item.id, questionId: item.questionId, score, correct: result.correct ?? false, answered: result.answered, objective: true };
  });
  const score = attemptScoreOf(graded.map((item) => item.score));
  return { items: graded, score, needsMarking: score === null, answeredCount: graded.filter((item) => item.answered).length };
}
