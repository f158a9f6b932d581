import { normalizeTag } from "@/lib/qbank/schemas";

/*
 * "After" per lesson objective: how students did, after the lesson, on the questions that test that objective.
 * Questions name the objective they test with a tag "目标:<phrase>" (lib/qbank's tag convention, e.g.
 * 目标:心脏听诊); a question tests a lesson objective when the objective's text contains the phrase
 * (目标:心脏听诊 → "掌握心脏听诊的方法与顺序"). Tags are stored normalized (NFKC, so "目标：" is "目标:"); the
 * objective's text is normalized the same way before comparing.
 */

export const OBJECTIVE_TAG_PREFIX = "目标:";

/** The phrase a "目标:…" tag names; null for any other tag. */
export function objectivePhraseOf(tag: string): string | null {
  if (!tag.startsWith(OBJECTIVE_TAG_PREFIX)) return null;
  const phrase = tag.slice(OBJECTIVE_TAG_PREFIX.length).trim();
  return phrase || null;
}

/** Marked answers to one question in one quiz: the sum of the shares of the points earned (0–1 each) and how many. */
export interface AnsweredQuestion {
  /** When the quiz counts as held: its lesson's start, or (without a lesson) when it opened. */
  heldAt: Date;
  tags: readonly string[];
  total: number;
  answers: number;
}

export interface ObjectiveAfter {
  /** Mean percent (0–100) earned on the objective's questions in quizzes of its lesson or later; null without answers. */
  afterAverage: number | null;
  afterAnswers: number;
}

/** The "after" figure of one objective of a lesson starting at `lessonStartsAt`. */
export function objectiveAfter(objectiveText: string, lessonStartsAt: Date, answered: readonly AnsweredQuestion[]): ObjectiveAfter {
  const text = normalizeTag(objectiveText);
  let total = 0;
  let answers = 0;
  for (const row of answered) {
    if (row.heldAt.getTime() < lessonStartsAt.getTime()) continue;
    const tests = row.tags.some((tag) => {
      const phrase = objectivePhraseOf(tag);
      return phrase !== null && text.includes(phrase);
    });
    if (!tests) continue;
    total += row.total;
    answers += row.answers;
  }
  return { afterAverage: answers ? (total / answers) * 100 : null, afterAnswers: answers };
}
