import type { LateInterval, LatePolicy } from "@/generated/prisma/client";

export interface LatePolicySettings {
  latePolicy: LatePolicy;
  /** Percent of the possible points per started interval. */
  lateRate: number;
  lateInterval: LateInterval;
  /** Largest total deduction in percent; null = 100. */
  lateMaxDeduction: number | null;
  /** The deduction never takes a grade below this percent; null = 0. */
  lateFloor: number | null;
}

export const INTERVAL_MINUTES: Record<LateInterval, number> = { HOUR: 60, DAY: 24 * 60 };

/**
 * Whole minutes after the student's own due time (the extension's, when there is one), rounded up so that a
 * submission one second late is late; 0 when on time.
 */
export function lateMinutesOf(submittedAt: Date, dueAt: Date): number {
  const lateMs = submittedAt.getTime() - dueAt.getTime();
  return lateMs > 0 ? Math.ceil(lateMs / 60_000) : 0;
}

const cents = (value: number) => Math.round(value * 100) / 100;

/**
 * Canvas's late rule: possible × min(rate × ⌈late / interval⌉, max deduction, max(raw% − floor%, 0)) / 100, in
 * points (two decimals). Every started interval counts in full, so one minute late costs one interval. Nothing is
 * deducted on time, under NONE, or under REJECT (a late submission there only exists if the teacher later moved
 * the due time earlier).
 */
export function lateDeduction(settings: LatePolicySettings, grade: { possible: number; raw: number; lateMinutes: number }): number {
  const { possible, raw, lateMinutes } = grade;
  if (settings.latePolicy !== "DEDUCT" || lateMinutes <= 0 || possible <= 0) return 0;
  const intervals = Math.ceil(lateMinutes / INTERVAL_MINUTES[settings.lateInterval]);
  const rawPercent = (raw / possible) * 100;
  const percent = Math.min(
    settings.lateRate * intervals,
    settings.lateMaxDeduction ?? 100,
    Math.max(rawPercent - (settings.lateFloor ?? 0), 0),
  );
  return cents((possible * Math.max(percent, 0)) / 100);
}

/** Just the late-policy fields of a homework row (e.g. to hand to a client component). */
export const lateSettingsOf = (homework: LatePolicySettings): LatePolicySettings => ({
  latePolicy: homework.latePolicy,
  lateRate: homework.lateRate,
  lateInterval: homework.lateInterval,
  lateMaxDeduction: homework.lateMaxDeduction,
  lateFloor: homework.lateFloor,
});
