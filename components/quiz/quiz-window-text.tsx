import { getFormatter, getTranslations } from "next-intl/server";

export const DATE_TIME = { month: "numeric", day: "numeric", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

/** "3/1 周日 08:00 – 3/2 周一 22:00" in Beijing time; an open end says so. */
export async function QuizWindowText({ opensAt, closesAt }: { opensAt: Date | null; closesAt: Date | null }) {
  const [format, t] = await Promise.all([getFormatter(), getTranslations("quiz.window")]);
  if (!opensAt && !closesAt) return <span>{t("always")}</span>;
  return (
    <span className="tabular-nums">
      {opensAt ? format.dateTime(opensAt, DATE_TIME) : t("fromPublication")} – {closesAt ? format.dateTime(closesAt, DATE_TIME) : t("noClose")}
    </span>
  );
}
