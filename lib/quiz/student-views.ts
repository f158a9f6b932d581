import type { QuestionType } from "@/generated/prisma/client";
import { type ChoiceOption, type QuestionResponse, blankCountOf, optionsOf, parseResponse } from "@/lib/qbank/question-shapes";

/**
 * What a student is sent of a question while taking a quiz, and at review time. The taking view is built field by
 * field from an explicit list: a question's key, explanation and reference answer are never selected into it, so a
 * column added to Question later cannot leak through a spread.
 */
export interface StudentQuestionView {
  questionId: string;
  position: number;
  points: number;
  type: QuestionType;
  stem: string;
  /** In the order this attempt shows them; keys are the bank's (A–F), labels are positional. */
  options: ChoiceOption[];
  /** Fill-in: how many inputs to show. */
  blanks: number;
  /** The case vignette, on the first question of each run of the same case only. */
  vignette: string | null;
  caseId: string | null;
  response: QuestionResponse | null;
  confidence: number | null;
  saved: boolean;
}

export interface AttemptItemRow {
  questionId: string;
  position: number;
  points: number;
  optionOrder: unknown;
  response: unknown;
  confidence: number | null;
  savedAt: Date | null;
  question: {
    type: QuestionType;
    stem: string;
    options: unknown;
    answer: unknown;
    caseId: string | null;
    case: { vignette: string } | null;
  };
}

/** The select for AttemptItemRow; `answer` is read only to count fill-in blanks and never copied out. */
export const ATTEMPT_ITEM_SELECT = {
  questionId: true,
  position: true,
  points: true,
  optionOrder: true,
  response: true,
  confidence: true,
  savedAt: true,
  question: { select: { type: true, stem: true, options: true, answer: true, caseId: true, case: { select: { vignette: true } } } },
} as const;

function orderedOptions(options: unknown, optionOrder: unknown): ChoiceOption[] {
  const byKey = new Map(optionsOf(options).map((option) => [option.key, option]));
  const order = Array.isArray(optionOrder) ? optionOrder : [];
  return order.flatMap((key) => {
    const option = byKey.get(key);
    return option ? [{ key: option.key, text: option.text }] : [];
  });
}

export function studentQuestionViews(rows: readonly AttemptItemRow[]): StudentQuestionView[] {
  const sorted = [...rows].sort((a, b) => a.position - b.position);
  return sorted.map((row, i) => {
    const caseId = row.question.caseId;
    const startsCase = !!caseId && sorted[i - 1]?.question.caseId !== caseId;
    return {
      questionId: row.questionId,
      position: row.position,
      points: row.points,
      type: row.question.type,
      stem: row.question.stem,
      options: orderedOptions(row.question.options, row.optionOrder),
      blanks: row.question.type === "FILL_IN" ? blankCountOf(row.question.answer) : 0,
      vignette: startsCase ? (row.question.case?.vignette ?? null) : null,
      caseId,
      response: parseResponse(row.question.type, row.response),
      confidence: row.confidence,
      saved: row.savedAt !== null,
    };
  });
}

/** At review time: the taking view plus the key, explanation, reference answer, score and the marker's comment. */
export interface ReviewQuestionView extends StudentQuestionView {
  /** SINGLE/MULTIPLE keys, [bool] for true/false, accepted answers per blank for fill-in, [] for short answers. */
  answer: unknown;
  correctOptions: string[];
  explanation: string;
  referenceAnswer: string;
  score: number | null;
  correct: boolean | null;
  feedback: string | null;
}

export interface ReviewItemRow extends AttemptItemRow {
  score: number | null;
  correct: boolean | null;
  feedback: string | null;
  question: AttemptItemRow["question"] & { explanation: string; referenceAnswer: string };
}

export const REVIEW_ITEM_SELECT = {
  ...ATTEMPT_ITEM_SELECT,
  score: true,
  correct: true,
  feedback: true,
  question: { select: { ...ATTEMPT_ITEM_SELECT.question.select, explanation: true, referenceAnswer: true } },
} as const;

export function reviewQuestionViews(rows: readonly ReviewItemRow[]): ReviewQuestionView[] {
  const views = studentQuestionViews(rows);
  const byQuestion = new Map(rows.map((row) => [row.questionId, row]));
  return views.map((view) => {
    const row = byQuestion.get(view.questionId)!;
    const answer = row.question.answer;
    const isChoice = view.type === "SINGLE" || view.type === "MULTIPLE";
    return {
      ...view,
      answer,
      correctOptions: isChoice && Array.isArray(answer) ? answer.filter((key): key is string => typeof key === "string") : [],
      explanation: row.question.explanation,
      referenceAnswer: row.question.referenceAnswer,
      score: row.score,
      correct: row.correct,
      feedback: row.feedback,
    };
  });
}
