export interface SchemeItem {
  id: string;
  name: string;
  /** Percent of the final grade. */
  weight: number;
}

export interface ActivityResult {
  /** The scheme item the quiz or homework counts towards; null when it is not mapped. */
  itemId: string | null;
  percent: number;
}

export interface CombinedGrades {
  items: { id: string; percent: number | null; count: number }[];
  /** Weighted mean over the items that have a result, or null when none has. */
  total: number | null;
  /** The weight of the items behind the total (100 once every item has a result). */
  countedWeight: number;
}

/**
 * The course's assessment scheme applied to one student's results: each item is the mean percentage of the
 * results mapped to it; the total weighs the items that have any result, scaled to their combined weight, so a
 * term in progress shows a fair running grade instead of one dragged down by work not yet set.
 */
export function combineGrades(items: readonly SchemeItem[], results: readonly ActivityResult[]): CombinedGrades {
  const combined = items.map((item) => {
    const mine = results.filter((result) => result.itemId === item.id);
    const percent = mine.length ? mine.reduce((sum, result) => sum + result.percent, 0) / mine.length : null;
    return { id: item.id, percent, count: mine.length };
  });
  let weighted = 0;
  let countedWeight = 0;
  items.forEach((item, i) => {
    const percent = combined[i].percent;
    if (percent === null || item.weight <= 0) return;
    weighted += item.weight * percent;
    countedWeight += item.weight;
  });
  return { items: combined, total: countedWeight > 0 ? weighted / countedWeight : null, countedWeight };
}

/** One decimal, as the gradebook shows and exports percentages. */
export const roundPercent = (percent: number): number => Math.round(percent * 10) / 10;
