import { type AttemptObservation, type ItemStatistic, itemStatistics } from "@/lib/quiz/item-statistics";

/*
 * Item analysis beyond lib/quiz/item-statistics.ts (difficulty p, corrected point-biserial r, choice counts), which
 * this reuses: the upper–lower 27% discrimination index D and the choices of each group (distractor analysis), and
 * flags for items that deserve a second look. Pure, so that the worked examples in the tests pin it down.
 */

/** Kelley's 27%: the share of attempts in each of the upper and lower groups. */
export const GROUP_SHARE = 0.27;
/** Below this many attempts the groups are one or two students and D says nothing. */
export const MIN_ATTEMPTS_FOR_GROUPS = 4;

export const FLAG_LIMITS = { tooEasy: 0.9, tooHard: 0.2, lowDiscrimination: 0.2 } as const;

export type ItemFlag =
  /** Stronger students do worse on it (r or D below 0): the key may be wrong, or the item ambiguous. */
  | "wrong_key_suspected"
  | "too_easy"
  | "too_hard"
  | "low_discrimination"
  /** A wrong option attracts more of the upper group than of the lower one. */
  | "distractor_attracts_upper";

export interface OptionAnalysis {
  key: string;
  correct: boolean;
  count: number;
  upper: number;
  lower: number;
}

export interface ItemAnalysis extends ItemStatistic {
  /** Mean fraction in the upper group minus the lower group, −1…1; null without enough attempts. */
  upperLower: number | null;
  groupSize: number;
  options: OptionAnalysis[];
  flags: ItemFlag[];
}

const totalOf = (attempt: AttemptObservation) => attempt.items.reduce((sum, item) => sum + item.fraction * item.points, 0);
const mean = (values: readonly number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null);

/** The upper and lower 27% of the attempts by total score (ties at the boundary in the given order). */
export function upperLowerGroups(attempts: readonly AttemptObservation[]): { upper: AttemptObservation[]; lower: AttemptObservation[] } {
  if (attempts.length < MIN_ATTEMPTS_FOR_GROUPS) return { upper: [], lower: [] };
  const size = Math.max(1, Math.round(attempts.length * GROUP_SHARE));
  const ranked = attempts.map((attempt, index) => ({ attempt, index, total: totalOf(attempt) })).sort((a, b) => b.total - a.total || a.index - b.index);
  return { upper: ranked.slice(0, size).map((r) => r.attempt), lower: ranked.slice(-size).map((r) => r.attempt) };
}

/**
 * Item analysis of a quiz's attempts. `keys` gives each choice item's options in order and which are right
 * (TRUE_FALSE as "true"/"false"); items left out are text answers without option analysis.
 */
export function analyseItems(
  attempts: readonly AttemptObservation[],
  keys: ReadonlyMap<string, readonly { key: string; correct: boolean }[]>,
): ItemAnalysis[] {
  const stats = itemStatistics(attempts);
  const { upper, lower } = upperLowerGroups(attempts);
  const itemIn = (group: AttemptObservation[], itemId: string) => group.flatMap((a) => a.items.filter((item) => item.itemId === itemId));
  return stats.map((stat) => {
    const up = itemIn(upper, stat.itemId);
    const low = itemIn(lower, stat.itemId);
    const upMean = mean(up.map((item) => item.fraction));
    const lowMean = mean(low.map((item) => item.fraction));
    const upperLower = upMean !== null && lowMean !== null ? upMean - lowMean : null;
    const chosenBy = (group: typeof up, key: string) => group.filter((item) => item.choices?.includes(key)).length;
    const options = (keys.get(stat.itemId) ?? []).map((option) => ({
      key: option.key,
      correct: option.correct,
      count: stat.choiceCounts[option.key] ?? 0,
      upper: chosenBy(up, option.key),
      lower: chosenBy(low, option.key),
    }));
    return { ...stat, upperLower, groupSize: upper.length, options, flags: flagsOf(stat, upperLower, options) };
  });
}

export function flagsOf(stat: Pick<ItemStatistic, "difficulty" | "discrimination">, upperLower: number | null, options: readonly OptionAnalysis[]): ItemFlag[] {
  const flags: ItemFlag[] = [];
  if ((stat.discrimination !== null && stat.discrimination < 0) || (upperLower !== null && upperLower < 0)) flags.push("wrong_key_suspected");
  if (stat.difficulty !== null && stat.difficulty > FLAG_LIMITS.tooEasy) flags.push("too_easy");
  if (stat.difficulty !== null && stat.difficulty < FLAG_LIMITS.tooHard) flags.push("too_hard");
  const index = stat.discrimination ?? upperLower;
  if (index !== null && index >= 0 && index < FLAG_LIMITS.lowDiscrimination) flags.push("low_discrimination");
  if (options.some((option) => !option.correct && option.upper > option.lower)) flags.push("distractor_attracts_upper");
  return flags;
}
