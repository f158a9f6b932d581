import { AppError } from "@/lib/errors";
import { type QuestionResponse, blankCountOf, isAnswered, optionsOf, parseResponse } from "@/lib/qbank/question-shapes";
import type { PracticeQuestionRow } from "./question-view";

/**
 * A practice answer must fit its question — only its own option keys, each once, no more texts than blanks — and
 * say something; anything else is refused before it is stored, rather than filed as a wrong answer.
 */
export function checkResponse(question: Pick<PracticeQuestionRow, "type" | "options" | "answer">, raw: unknown): QuestionResponse {
  const response = parseResponse(question.type, raw);
  if (!response) throw new AppError("practice.invalid_answer");
  if (question.type === "SINGLE" || question.type === "MULTIPLE") {
    const keys = new Set<string>(optionsOf(question.options).map((option) => option.key));
    const picked = response as string[];
    if (!picked.every((key) => keys.has(key)) || new Set(picked).size !== picked.length) throw new AppError("practice.invalid_answer");
  }
  if (question.type === "FILL_IN" && response.length > blankCountOf(question.answer)) throw new AppError("practice.invalid_answer");
  if (!isAnswered(response)) throw new AppError("practice.empty_answer");
  return response;
}
