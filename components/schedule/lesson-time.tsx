import { getFormatter } from "next-intl/server";

const TIME = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
const DATE = { year: "numeric", month: "numeric", day: "numeric", weekday: "short" } as const;

/** "2026/9/7 周一 08:00–09:40" in Asia/Shanghai; without the date for today's lessons. */
export async function LessonTime({ startsAt, endsAt, withDate = true }: { startsAt: Date; endsAt: Date; withDate?: boolean }) {
  const format = await getFormatter();
  return (
    <time dateTime={startsAt.toISOString()} className="tabular-nums">
      {withDate && `${format.dateTime(startsAt, DATE)} `}
      {format.dateTime(startsAt, TIME)}–{format.dateTime(endsAt, TIME)}
    </time>
  );
}
