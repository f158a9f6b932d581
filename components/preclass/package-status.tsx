import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";

const DATE_TIME = { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

/** Draft or published, the window, and how many students have given feedback. */
export async function PackageStatus({ status, opensAt, closesAt, feedbackCount }: {
  status: "DRAFT" | "PUBLISHED";
  opensAt: Date | null;
  closesAt: Date | null;
  feedbackCount: number;
}) {
  const [t, format] = await Promise.all([getTranslations("preclass.prep"), getFormatter()]);
  return (
    <Card>
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-base font-semibold">{t("statusTitle")}</h2>
        <span data-testid="package-status" data-status={status}>
          <Badge tone={status === "PUBLISHED" ? "green" : "slate"}>{t(`status.${status}`)}</Badge>
        </span>
      </div>
      <p className="mt-2 text-sm text-slate-600">
        {status === "PUBLISHED" && opensAt && closesAt
          ? t("window", { opens: format.dateTime(opensAt, DATE_TIME), closes: format.dateTime(closesAt, DATE_TIME) })
          : t("draftHint")}
      </p>
      <p className="mt-1 text-sm text-slate-600">{t("feedbackCount", { count: feedbackCount })}</p>
    </Card>
  );
}
