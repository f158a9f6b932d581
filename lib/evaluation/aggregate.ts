import { randomInt } from "node:crypto";
import type { EvaluationItem } from "./schemas";

export interface ItemAggregate {
  id: string;
  text: string;
  /** Number of answers per rating 1…5. */
  counts: number[];
  mean: number | null;
}

const ratingOf = (ratings: unknown, itemId: string): number | null => {
  const value = ratings && typeof ratings === "object" ? (ratings as Record<string, unknown>)[itemId] : undefined;
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 5 ? value : null;
};

/** Distribution and mean of each item over the given answers. */
export function aggregateItems(items: readonly EvaluationItem[], ratings: readonly unknown[]): ItemAggregate[] {
  return items.map((item) => {
    const counts = [0, 0, 0, 0, 0];
    let sum = 0;
    for (const answer of ratings) {
      const rating = ratingOf(answer, item.id);
      if (rating === null) continue;
      counts[rating - 1] += 1;
      sum += rating;
    }
    const total = counts.reduce((a, b) => a + b, 0);
    return { id: item.id, text: item.text, counts, mean: total ? sum / total : null };
  });
}

/** Sum and number of the ratings of one item over the given answers (for means across evaluations). */
export function ratingSumOf(itemId: string, ratings: readonly unknown[]): { sum: number; count: number } {
  let sum = 0;
  let count = 0;
  for (const answer of ratings) {
    const rating = ratingOf(answer, itemId);
    if (rating === null) continue;
    sum += rating;
    count += 1;
  }
  return { sum, count };
}

/** A uniformly random order (Fisher–Yates with a CSPRNG), so that the order says nothing about who wrote when. */
export function shuffled<T>(list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
