import { shanghaiInstant, shanghaiParts } from "@/lib/lesson/local-time";

/** The UTC instant of a validated `datetime-local` value (YYYY-MM-DDTHH:mm) read in Asia/Shanghai. */
export function instantOfLocal(value: string): Date {
  const [date, time] = value.split("T");
  return shanghaiInstant(date, time);
}

/** An instant as the value of an `<input type="datetime-local">` in Asia/Shanghai. */
export function localValueOf(instant: Date): string {
  const { date, time } = shanghaiParts(instant);
  return `${date}T${time}`;
}
