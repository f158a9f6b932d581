import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type QuestionResponse, blankCountOf, parseResponse } from "@/lib/qbank/question-shapes";
import { loadOwnAttempt } from "./own-attempt";
import { type SaveAnswerInput, SaveAnswerSchema } from "./schemas";

/**
 * Saves the student's current answer to one question at once, so a reload or a lost connection loses nothing.
 * The response must have the question's shape (only its options, no more blanks than it has); the confidence
 * (1–3) is kept only when the quiz uses confidence-based marking. Refused once submitted or past the deadline.
 */
export async function saveAnswer(actor: Actor, input: SaveAnswerInput, now = new Date()): Promise<{ savedAt: Date }> {
  const data = SaveAnswerSchema.parse(input);
  const attempt = await loadOwnAttempt(actor, data.attemptId, now);
  if (attempt.status === "SUBMITTED") throw new AppError(attempt.autoSubmitted ? "quiz.time_up" : "quiz.attempt_submitted");
  const item = await db.attemptQuestion.findUnique({
    where: { attemptId_questionId: { attemptId: attempt.id, questionId: data.questionId } },
    select: { id: true, optionOrder: true, question: { select: { type: true, answer: true } } },
  });
  if (!item) throw new AppError("not_found");
  const response = parseResponse(item.question.type, data.response);
  if (!response || !fitsQuestion(response, item.question.type, item.optionOrder, item.question.answer)) throw new AppError("quiz.invalid_response");
  const confidence = attempt.quiz.confidenceMarking && item.question.type !== "SHORT_ANSWER" ? data.confidence : null;

  await db.$transaction(async (tx) => {
    // Claims the attempt row like a submit does, so that a save and a submit never interleave.
    const { count } = await tx.quizAttempt.updateMany({
      where: { id: attempt.id, status: "IN_PROGRESS", OR: [{ deadlineAt: null }, { deadlineAt: { gt: now } }] },
      data: { updatedAt: now },
    });
    if (!count) throw new AppError("quiz.attempt_submitted");
    await tx.attemptQuestion.update({ where: { id: item.id }, data: { response, confidence, savedAt: now } });
  });
  return { savedAt: now };
}

function fitsQuestion(response: QuestionResponse, type: string, optionOrder: unknown, answer: unknown): boolean {
  if (type === "SINGLE" || type === "MULTIPLE") {
    const keys = new Set(Array.isArray(optionOrder) ? optionOrder : []);
    const picked = response as string[];
    return picked.every((key) => keys.has(key)) && new Set(picked).size === picked.length;
  }
  if (type === "FILL_IN") return response.length <= blankCountOf(answer);
  return true;
}
