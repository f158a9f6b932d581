import type { ReviewPolicy } from "@/generated/prisma/client";

export type QuizWindowState = "not_open" | "open" | "closed";

/** Open from opensAt (or publication) until closesAt (or for ever). */
export function quizWindowOf(quiz: { opensAt: Date | null; closesAt: Date | null }, now: Date): QuizWindowState {
  if (quiz.opensAt && now < quiz.opensAt) return "not_open";
  if (quiz.closesAt && now >= quiz.closesAt) return "closed";
  return "open";
}

/** The earlier of start + time limit and the quiz's close; null when neither limits the attempt. */
export function deadlineOf(quiz: { timeLimitMinutes: number | null; closesAt: Date | null }, startedAt: Date): Date | null {
  const limit = quiz.timeLimitMinutes ? new Date(startedAt.getTime() + quiz.timeLimitMinutes * 60_000) : null;
  if (limit && quiz.closesAt) return limit < quiz.closesAt ? limit : quiz.closesAt;
  return limit ?? quiz.closesAt;
}

/**
 * Whether a student may see the right answers and explanations of a submitted attempt. This is the one place that
 * decides; every student-facing query asks here before answers leave the server.
 *   IMMEDIATELY  once the attempt is submitted
 *   AFTER_CLOSE  once the quiz has closed (publishing requires a close time for this policy)
 *   NEVER        never; the student sees their score only
 */
export function reviewOpen(quiz: { review: ReviewPolicy; closesAt: Date | null }, attempt: { status: "IN_PROGRESS" | "SUBMITTED" }, now: Date): boolean {
  if (attempt.status !== "SUBMITTED") return false;
  switch (quiz.review) {
    case "IMMEDIATELY":
      return true;
    case "AFTER_CLOSE":
      return !!quiz.closesAt && now >= quiz.closesAt;
    case "NEVER":
      return false;
  }
}
