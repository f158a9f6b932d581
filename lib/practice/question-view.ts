import type { PartialCredit, QuestionType } from "@/generated/prisma/client";
import { type ChoiceOption, type QuestionContent, QuestionContentSchema, blankCountOf, optionsOf } from "@/lib/qbank/question-shapes";
import type { ObjectiveType } from "./question-pool";

/** What practice loads of a question: enough to show it, score an answer and reveal the key afterwards. */
export const practiceQuestionSelect = {
  id: true,
  type: true,
  stem: true,
  options: true,
  answer: true,
  partialCredit: true,
  caseInsensitive: true,
  explanation: true,
  difficulty: true,
  tags: true,
  case: { select: { vignette: true } },
} as const;

export interface PracticeQuestionRow {
  id: string;
  type: QuestionType;
  stem: string;
  options: unknown;
  answer: unknown;
  partialCredit: PartialCredit;
  caseInsensitive: boolean;
  explanation: string;
  difficulty: number;
  tags: string[];
  case: { vignette: string } | null;
}

/** A question as a student sees it before answering: never the answer, the explanation or anything derived from them but the number of blanks. */
export interface PracticeQuestionView {
  id: string;
  type: ObjectiveType;
  stem: string;
  options: ChoiceOption[];
  blankCount: number;
  tags: string[];
  difficulty: number;
  /** The clinical vignette of a case-based (A3/A4) question. */
  vignette: string | null;
}

export function toQuestionView(question: PracticeQuestionRow & { type: ObjectiveType }): PracticeQuestionView {
  return {
    id: question.id,
    type: question.type,
    stem: question.stem,
    options: optionsOf(question.options),
    blankCount: question.type === "FILL_IN" ? blankCountOf(question.answer) : 0,
    tags: question.tags,
    difficulty: question.difficulty,
    vignette: question.case?.vignette ?? null,
  };
}

/** The right answer as stored: option keys, [true|false], or the accepted answers of each blank. */
export type CorrectAnswer = QuestionContent["answer"];

export function correctAnswerOf(question: Pick<PracticeQuestionRow, "type" | "options" | "answer">): CorrectAnswer {
  const content = QuestionContentSchema.safeParse({ type: question.type, options: question.options, answer: question.answer });
  return content.success ? content.data.answer : [];
}
