import { shanghaiInstant, shanghaiParts } from "@/lib/lesson/local-time";

/**
 * The mistake book's spaced review is a Leitner system with five boxes. A wrong answer (in a quiz, in practice or
 * in a review) puts the question in box 1. Answered right when it is due, it moves up one box and comes back after
 * that box's interval; answered right in box 5, it is mastered and leaves the review queue. Being right before it
 * is due changes nothing (the spacing is the point). Five right answers in a row, over about a month, are what
 * "answered right repeatedly" means here.
 */
export const LEITNER_INTERVAL_DAYS = [1, 2, 4, 8, 16] as const;
export const LEITNER_BOXES = LEITNER_INTERVAL_DAYS.length;

const DAY_MS = 86_400_000;

/**
 * Due at the start (00:00 Asia/Shanghai) of the day `days` after `now`: an item is due for the whole of its day,
 * whatever the hour it was last answered.
 */
export function dueAfterDays(now: Date, days: number): Date {
  const { date } = shanghaiParts(new Date(now.getTime() + days * DAY_MS));
  return shanghaiInstant(date, "00:00");
}

/** The end of `now`'s day in Asia/Shanghai: items with dueAt before it are "due today". */
export const endOfShanghaiDay = (now: Date): Date => dueAfterDays(now, 1);

/** Due for the whole Shanghai day, so that the "due today" count and what a right answer moves always agree. */
export const isDue = (dueAt: Date, now: Date): boolean => dueAt.getTime() < endOfShanghaiDay(now).getTime();

export interface LeitnerState {
  box: number;
  dueAt: Date;
  rightStreak: number;
  masteredAt: Date | null;
}

/** Where an item goes after an answer. `null` state: the question is not in the book yet. */
export function nextLeitnerState(state: LeitnerState | null, correct: boolean, now: Date): LeitnerState | null {
  if (!correct) return { box: 1, dueAt: dueAfterDays(now, LEITNER_INTERVAL_DAYS[0]), rightStreak: 0, masteredAt: null };
  if (!state || state.masteredAt || !isDue(state.dueAt, now)) return state;
  // Only the schedule's own fields: callers pass whole rows and write the result back.
  if (state.box >= LEITNER_BOXES) return { box: state.box, dueAt: state.dueAt, rightStreak: state.rightStreak + 1, masteredAt: now };
  const box = state.box + 1;
  return { box, dueAt: dueAfterDays(now, LEITNER_INTERVAL_DAYS[box - 1]), rightStreak: state.rightStreak + 1, masteredAt: null };
}
