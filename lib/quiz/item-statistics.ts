/**
 * Classical test theory for quiz results — pure, so the results page, the gradebook and analytics compute alike.
 *
 * Difficulty (p): the mean share of an item's points earned, 0–1; higher means easier.
 * Discrimination: the corrected item–total correlation, i.e. the Pearson correlation between a student's score on
 * the item (as a fraction) and their score on the rest of the test (every other item, in points). For items scored
 * only right/wrong this is the point-biserial correlation. A negative value means students who did well overall did
 * worse on this item than those who did badly: the key may be wrong, or the item ambiguous.
 */

export interface ItemObservation {
  itemId: string;
  /** Share of the item's points earned, 0–1 (plain scoring, not confidence-based). */
  fraction: number;
  points: number;
  answered: boolean;
  /** What was chosen (option keys, or "true"/"false"), for choice items; left out for text answers. */
  choices?: readonly string[];
}

export interface AttemptObservation {
  items: readonly ItemObservation[];
}

export interface ItemStatistic {
  itemId: string;
  /** Attempts that contained the item. */
  n: number;
  difficulty: number | null;
  /** null with fewer than 3 attempts or when either side does not vary. */
  discrimination: number | null;
  negativeDiscrimination: boolean;
  /** How often each choice was picked (distractor analysis); empty for text answers. */
  choiceCounts: Record<string, number>;
  unanswered: number;
}

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Pearson's r, or null when it is undefined (fewer than 2 pairs, or no variance on a side). */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length || xs.length < 2) return null;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    const dx = x - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  });
  // Tiny variances come from rounding, not from students differing.
  if (sxx < 1e-12 || syy < 1e-12) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** Minimum attempts for a discrimination figure; with two, every non-zero r is ±1 and says nothing. */
export const MIN_ATTEMPTS_FOR_DISCRIMINATION = 3;

export function itemStatistics(attempts: readonly AttemptObservation[]): ItemStatistic[] {
  const order: string[] = [];
  const pairs = new Map<string, { item: number[]; rest: number[]; choiceCounts: Record<string, number>; unanswered: number }>();
  for (const attempt of attempts) {
    const total = attempt.items.reduce((sum, item) => sum + item.fraction * item.points, 0);
    for (const item of attempt.items) {
      let entry = pairs.get(item.itemId);
      if (!entry) {
        entry = { item: [], rest: [], choiceCounts: {}, unanswered: 0 };
        pairs.set(item.itemId, entry);
        order.push(item.itemId);
      }
      entry.item.push(item.fraction);
      entry.rest.push(total - item.fraction * item.points);
      if (!item.answered) entry.unanswered++;
      for (const choice of item.choices ?? []) entry.choiceCounts[choice] = (entry.choiceCounts[choice] ?? 0) + 1;
    }
  }
  return order.map((itemId) => {
    const entry = pairs.get(itemId)!;
    const n = entry.item.length;
    const discrimination = n >= MIN_ATTEMPTS_FOR_DISCRIMINATION ? pearson(entry.item, entry.rest) : null;
    return {
      itemId,
      n,
      difficulty: n ? mean(entry.item) : null,
      discrimination,
      negativeDiscrimination: discrimination !== null && discrimination < 0,
      choiceCounts: entry.choiceCounts,
      unanswered: entry.unanswered,
    };
  });
}

export interface ScoreSummary {
  count: number;
  /** Percentages, 0–100. */
  mean: number | null;
  median: number | null;
  /** Share of students at or above the pass mark, 0–1. */
  passRate: number | null;
}

export function summarizeScores(percents: readonly number[], passPercent: number): ScoreSummary {
  if (!percents.length) return { count: 0, mean: null, median: null, passRate: null };
  const sorted = [...percents].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return {
    count: percents.length,
    mean: mean(percents),
    median,
    passRate: percents.filter((percent) => percent >= passPercent).length / percents.length,
  };
}

export interface ScoreBin {
  /** Percent, inclusive. */
  from: number;
  /** Percent, exclusive — except the last bin, which includes 100. */
  to: number;
  count: number;
}

/** Counts of percentages in bins of `width` (0–10, 10–20, … 90–100 by default). */
export function scoreDistribution(percents: readonly number[], width = 10): ScoreBin[] {
  const bins = Array.from({ length: Math.ceil(100 / width) }, (_, i) => ({ from: i * width, to: Math.min(100, (i + 1) * width), count: 0 }));
  for (const percent of percents) {
    const index = Math.min(bins.length - 1, Math.max(0, Math.floor(percent / width)));
    bins[index].count++;
  }
  return bins;
}
