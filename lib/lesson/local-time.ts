import { AppError } from "@/lib/errors";

// Teachers enter lesson times as Asia/Shanghai wall-clock time; China has had no daylight saving since 1991, so a
// fixed UTC+8 offset converts both ways.
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** True for an existing calendar day written as YYYY-MM-DD (rejects 2026-02-30). */
export function isCalendarDate(date: string): boolean {
  if (!DATE_PATTERN.test(date)) return false;
  const [y, m, d] = date.split("-").map(Number);
  const parsed = new Date(Date.UTC(y, m - 1, d));
  return parsed.getUTCFullYear() === y && parsed.getUTCMonth() === m - 1 && parsed.getUTCDate() === d;
}

/** The UTC instant of a Shanghai date (YYYY-MM-DD) and time (HH:mm). Inputs must already be validated. */
export function shanghaiInstant(date: string, time: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  return new Date(Date.UTC(y, m - 1, d, hh, mm) - SHANGHAI_OFFSET_MS);
}

/** The Shanghai date and time of an instant, in the formats of `<input type="date">` and `<input type="time">`. */
export function shanghaiParts(instant: Date): { date: string; time: string } {
  const iso = new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** Start and end of a lesson held on one Shanghai day; the end must come after the start. */
export function lessonInterval(date: string, startTime: string, endTime: string): { startsAt: Date; endsAt: Date } {
  const startsAt = shanghaiInstant(date, startTime);
  const endsAt = shanghaiInstant(date, endTime);
  if (endsAt <= startsAt) throw new AppError("lesson.ends_before_start");
  return { startsAt, endsAt };
}
