import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { finishAttempt } from "./finish-attempt";
import { loadOwnAttempt } from "./own-attempt";
import { type AttemptRefInput, AttemptRefSchema } from "./schemas";

export interface SubmittedAttempt {
  attemptId: string;
  quizId: string;
  /** null while short answers wait for marking. */
  score: number | null;
  maxScore: number;
  needsMarking: boolean;
  autoSubmitted: boolean;
  submittedAt: Date;
}

/**
 * Submits the student's attempt and returns its result. Idempotent: submitting again (or at the same moment from
 * another tab) returns the same result; past the deadline the server has already submitted it as at the deadline.
 */
export async function submitAttempt(actor: Actor, input: AttemptRefInput, now = new Date()): Promise<SubmittedAttempt> {
  const { attemptId } = AttemptRefSchema.parse(input);
  const attempt = await loadOwnAttempt(actor, attemptId, now);
  if (attempt.status === "IN_PROGRESS") {
    const graded = await finishAttempt(attempt, { submittedAt: now, autoSubmitted: false, now });
    if (graded) return resultOf({ ...attempt, ...graded, autoSubmitted: false, submittedAt: now });
  }
  // Submitted before (or by a concurrent call that won): the stored row is the result.
  return resultOf(attempt.status === "SUBMITTED" ? attempt : await db.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } }));
}

function resultOf(row: {
  id: string;
  quizId: string;
  score: number | null;
  maxScore: number;
  needsMarking: boolean;
  autoSubmitted: boolean;
  submittedAt: Date | null;
}): SubmittedAttempt {
  return {
    attemptId: row.id,
    quizId: row.quizId,
    score: row.score,
    maxScore: row.maxScore,
    needsMarking: row.needsMarking,
    autoSubmitted: row.autoSubmitted,
    submittedAt: row.submittedAt!,
  };
}
