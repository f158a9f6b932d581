import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";

const DATE_TIME = { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

/** "已提交" with the time of the last change, or "未提交". */
export async function FeedbackStatus({ updatedAt }: { updatedAt: Date | null }) {
  const [t, format] = await Promise.all([getTranslations("preclass.feedback"), getFormatter()]);
  return (
    <span data-testid="feedback-status" data-submitted={updatedAt !== null} className="flex flex-col items-end gap-0.5">
      <Badge tone={updatedAt ? "green" : "slate"}>{updatedAt ? t("submitted") : t("notSubmitted")}</Badge>
      {updatedAt && <span className="text-[11px] text-slate-500">{t("updatedAt", { time: format.dateTime(updatedAt, DATE_TIME) })}</span>}
    </span>
  );
}
