import type { WechatBinding } from "@/generated/prisma/client";

/**
 * Quiet hours are wall-clock minutes after midnight in Asia/Shanghai. China has had no daylight saving since 1991, so
 * a fixed UTC+8 offset is exact and a day is always 1440 minutes.
 */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 3600_000;
export const MINUTES_PER_DAY = 1440;

/** 22:00–07:00, as in the schema's defaults. */
export const DEFAULT_QUIET_START_MINUTE = 22 * 60;
export const DEFAULT_QUIET_END_MINUTE = 7 * 60;

export type QuietHours = Pick<WechatBinding, "quietStartMinute" | "quietEndMinute">;

/** The Shanghai minute of the day (0–1439) an instant falls in. */
export function shanghaiMinuteOf(now: Date): number {
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
}

/**
 * When `now` lies in the quiet hours, the instant they end (the first moment a non-urgent push may go out);
 * otherwise null. The window is [start, end): it may cross midnight (start > end), and start = end means no quiet
 * hours at all.
 */
export function quietHoursEnd(binding: QuietHours, now: Date): Date | null {
  const start = binding.quietStartMinute;
  const end = binding.quietEndMinute;
  if (start === end) return null;
  const minute = shanghaiMinuteOf(now);
  const crossesMidnight = start > end;
  const quiet = crossesMidnight ? minute >= start || minute < end : minute >= start && minute < end;
  if (!quiet) return null;
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  const shanghaiMidnight = local - (((local % DAY_MS) + DAY_MS) % DAY_MS) - SHANGHAI_OFFSET_MS;
  // Before midnight in a window that crosses it, the window ends tomorrow.
  const endsTomorrow = crossesMidnight && minute >= start;
  return new Date(shanghaiMidnight + (endsTomorrow ? DAY_MS : 0) + end * MINUTE_MS);
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "HH:MM" (as `<input type="time">` sends it) to minutes after midnight; null when malformed. */
export function clockToMinute(clock: string): number | null {
  const match = CLOCK.exec(clock);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Minutes after midnight to "HH:MM". */
export function minuteToClock(minute: number): string {
  const hh = Math.floor(minute / 60);
  const mm = minute % 60;
  return `${String(hh).padStart(2, "0")}:${String(mm).padStart(2, "0")}`;
}
