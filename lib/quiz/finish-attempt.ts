import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { recordAnswerOutcomes } from "@/lib/mistakes/record-answer-outcomes";
import { awardPoints } from "@/lib/points/award-points";
import { gradeAttempt } from "./grade-attempt";

/** What grading needs to know of the attempt besides its answers (callers have it already). */
export interface FinishableAttempt {
  id: string;
  userId: string;
  quiz: { id: string; courseId: string; confidenceMarking: boolean };
}

/** Many students submit at once when a quiz closes: wait for a connection rather than fail. */
export const SUBMIT_TRANSACTION = { maxWait: 30_000, timeout: 30_000 } as const;

/**
 * Submits and grades an attempt in one transaction. The status change is a conditional update, so of two submits
 * at the same moment (a double tap, the countdown and the button, the server's sweep) exactly one grades and returns
 * the score; the other finds nothing to claim and returns null. The claim also locks the attempt row: a concurrent answer save (which
 * claims the same row, see save-answer.ts) lands either before grading or is refused.
 * In the same transaction: wrong and right answers of auto-graded questions go to the mistake book, and the quiz
 * points are awarded when at least one question was answered.
 */
export async function finishAttempt(
  attempt: FinishableAttempt,
  options: { submittedAt: Date; autoSubmitted: boolean; now: Date },
): Promise<{ score: number | null; needsMarking: boolean } | null> {
  const attemptId = attempt.id;
  return db.$transaction(async (tx) => {
    const { count } = await tx.quizAttempt.updateMany({
      where: { id: attemptId, status: "IN_PROGRESS" },
      data: { status: "SUBMITTED", submittedAt: options.submittedAt, autoSubmitted: options.autoSubmitted },
    });
    if (!count) return null;
    // Read after the claim: from here no answer can change.
    const questions = await tx.attemptQuestion.findMany({
      where: { attemptId },
      select: {
        id: true,
        questionId: true,
        points: true,
        response: true,
        confidence: true,
        question: { select: { type: true, options: true, answer: true, partialCredit: true, caseInsensitive: true } },
      },
    });
    const graded = gradeAttempt(questions, attempt.quiz.confidenceMarking);
    // One statement for all the questions: a few hundred students submitting at the close should not cost a round
    // trip per answer.
    const rows = graded.items.map((item) => Prisma.sql`(${item.id}, CAST(${item.score} AS double precision), CAST(${item.correct} AS boolean))`);
    if (rows.length) {
      await tx.$executeRaw`
        UPDATE "AttemptQuestion" AS aq SET "score" = v.score, "correct" = v.correct
        FROM (VALUES ${Prisma.join(rows)}) AS v(id, score, correct)
        WHERE aq."id" = v.id AND aq."attemptId" = ${attemptId}`;
    }
    await tx.quizAttempt.update({ where: { id: attemptId }, data: { score: graded.score, needsMarking: graded.needsMarking } });
    await recordAnswerOutcomes(tx, {
      userId: attempt.userId,
      courseId: attempt.quiz.courseId,
      outcomes: graded.items.filter((item) => item.objective).map((item) => ({ questionId: item.questionId, correct: item.correct === true })),
      now: options.now,
    });
    if (graded.answeredCount > 0) {
      await awardPoints(tx, { userId: attempt.userId, courseId: attempt.quiz.courseId, reason: "quiz_attempt", subjectId: attempt.quiz.id });
    }
    return { score: graded.score, needsMarking: graded.needsMarking };
  }, SUBMIT_TRANSACTION);
}
