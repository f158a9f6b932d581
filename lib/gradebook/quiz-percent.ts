import type { AttemptScoring } from "@/generated/prisma/client";

export interface ScoredAttempt {
  number: number;
  status: "IN_PROGRESS" | "SUBMITTED";
  score: number | null;
  maxScore: number;
}

/**
 * A student's result on a quiz in percent, by the quiz's rule (highest, last or average), over submitted attempts
 * that have a score — an attempt waiting for short answers to be marked does not count yet. null when none does.
 */
export function quizPercent(scoring: AttemptScoring, attempts: readonly ScoredAttempt[]): number | null {
  const scored = attempts
    .filter((attempt) => attempt.status === "SUBMITTED" && attempt.score !== null && attempt.maxScore > 0)
    .sort((a, b) => a.number - b.number)
    .map((attempt) => (attempt.score! / attempt.maxScore) * 100);
  if (scored.length === 0) return null;
  switch (scoring) {
    case "HIGHEST":
      return Math.max(...scored);
    case "LAST":
      return scored[scored.length - 1];
    case "AVERAGE":
      return scored.reduce((sum, percent) => sum + percent, 0) / scored.length;
  }
}
