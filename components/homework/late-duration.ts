type Translate = (key: "days" | "hours" | "minutes", values: Record<string, number>) => string;

/** "1 天 3 小时", "25 分钟": how late, in the two largest units. */
export function lateDuration(minutes: number, t: Translate): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return [t("days", { n: days }), hours ? t("hours", { n: hours }) : ""].filter(Boolean).join(" ");
  if (hours > 0) return [t("hours", { n: hours }), rest ? t("minutes", { n: rest }) : ""].filter(Boolean).join(" ");
  return t("minutes", { n: rest });
}
