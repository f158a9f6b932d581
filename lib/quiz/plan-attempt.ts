import type { QuestionType } from "@/generated/prisma/client";
import { optionsOf } from "@/lib/qbank/question-shapes";
import type { Shuffle } from "./draw-matching";

export interface PlannableQuestion {
  id: string;
  type: QuestionType;
  options: unknown;
  caseId: string | null;
  casePosition: number | null;
}

export interface PlannedQuestion {
  questionId: string;
  points: number;
  /** Option keys in the order this attempt shows them; [] for questions without options. */
  optionOrder: string[];
}

/**
 * The questions of one attempt in the order the student sees them: the fixed ones, then the drawn ones, with the
 * questions of one clinical case kept together in the case's order (the vignette is shown once, above the first).
 * Shuffling moves whole cases; option order is shuffled per question when the quiz says so.
 */
export function planAttempt(
  items: readonly { question: PlannableQuestion; points: number }[],
  settings: { shuffleQuestions: boolean; shuffleOptions: boolean },
  shuffle: Shuffle,
): PlannedQuestion[] {
  const blocks: { question: PlannableQuestion; points: number }[][] = [];
  const blockOfCase = new Map<string, (typeof blocks)[number]>();
  for (const item of items) {
    const caseId = item.question.caseId;
    const existing = caseId ? blockOfCase.get(caseId) : undefined;
    if (existing) {
      existing.push(item);
      continue;
    }
    const block = [item];
    blocks.push(block);
    if (caseId) blockOfCase.set(caseId, block);
  }
  for (const block of blockOfCase.values()) block.sort((a, b) => (a.question.casePosition ?? 0) - (b.question.casePosition ?? 0));
  const ordered = (settings.shuffleQuestions ? shuffle(blocks) : blocks).flat();
  return ordered.map(({ question, points }) => {
    const keys = question.type === "SINGLE" || question.type === "MULTIPLE" ? optionsOf(question.options).map((option) => option.key) : [];
    return { questionId: question.id, points, optionOrder: settings.shuffleOptions ? shuffle(keys) : keys };
  });
}
