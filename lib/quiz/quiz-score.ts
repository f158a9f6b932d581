import type { AttemptScoring } from "@/generated/prisma/client";

export interface ScorableAttempt {
  number: number;
  status: "IN_PROGRESS" | "SUBMITTED";
  score: number | null;
  maxScore: number;
}

export interface QuizScore {
  /** null when the attempt that counts still has short answers to mark. */
  score: number | null;
  maxScore: number;
  /** score / maxScore × 100, rounded to one decimal; null with score. */
  percent: number | null;
  /** Some submitted attempt is still being marked, so the result may change. */
  pending: boolean;
  /** The attempt numbers that make up the result. */
  counted: number[];
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const percentOf = (score: number, maxScore: number) => (maxScore > 0 ? round((score / maxScore) * 100, 1) : 0);

/**
 * A student's result for a quiz from their attempts, by the quiz's rule (attempts still in progress never count):
 *   HIGHEST  the best marked attempt by percentage (pending while another is being marked, which could be better)
 *   LAST     the last submitted attempt (null until it is marked)
 *   AVERAGE  the mean of every submitted attempt's score and maximum (null until all are marked)
 * null when nothing has been submitted. The gradebook uses this, so results agree everywhere.
 */
export function quizScoreOf(scoring: AttemptScoring, attempts: readonly ScorableAttempt[]): QuizScore | null {
  const submitted = attempts.filter((attempt) => attempt.status === "SUBMITTED").sort((a, b) => a.number - b.number);
  if (!submitted.length) return null;
  const pending = submitted.some((attempt) => attempt.score === null);
  const result = (score: number | null, maxScore: number, counted: number[]): QuizScore => ({
    score: score === null ? null : round(score, 2),
    maxScore: round(maxScore, 2),
    percent: score === null ? null : percentOf(score, maxScore),
    pending,
    counted,
  });
  switch (scoring) {
    case "LAST": {
      const last = submitted[submitted.length - 1];
      return result(last.score, last.maxScore, [last.number]);
    }
    case "HIGHEST": {
      const marked = submitted.filter((attempt) => attempt.score !== null);
      if (!marked.length) return result(null, submitted[0].maxScore, []);
      const best = marked.reduce((top, attempt) =>
        percentOf(attempt.score!, attempt.maxScore) > percentOf(top.score!, top.maxScore) ? attempt : top,
      );
      return result(best.score, best.maxScore, [best.number]);
    }
    case "AVERAGE": {
      const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
      const maxScore = mean(submitted.map((attempt) => attempt.maxScore));
      const numbers = submitted.map((attempt) => attempt.number);
      return result(pending ? null : mean(submitted.map((attempt) => attempt.score!)), maxScore, numbers);
    }
  }
}
