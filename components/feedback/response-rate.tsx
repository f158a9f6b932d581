import { getFormatter, getTranslations } from "next-intl/server";
import type { FeedbackSummary } from "@/lib/feedback/get-feedback-summary";

export async function ResponseRate({ summary }: { summary: Pick<FeedbackSummary, "responded" | "studentCount" | "responseRate"> }) {
  const [t, format] = await Promise.all([getTranslations("plan.feedback"), getFormatter()]);
  const percent = summary.responseRate ?? 0;
  return (
    <div data-testid="response-rate">
      <p className="text-3xl font-semibold text-brand-700">{format.number(percent, { style: "percent", maximumFractionDigits: 0 })}</p>
      <p className="mt-1 text-sm text-slate-600">
        {summary.studentCount ? t("responded", { responded: summary.responded, total: summary.studentCount }) : t("noStudents")}
      </p>
      <div
        className="mt-3 h-2 overflow-hidden rounded-full bg-slate-100"
        role="progressbar"
        aria-label={t("responseRate")}
        aria-valuemin={0}
        aria-valuemax={summary.studentCount}
        aria-valuenow={summary.responded}
      >
        <div className="h-full rounded-full bg-brand-500" style={{ width: `${Math.round(percent * 100)}%` }} />
      </div>
    </div>
  );
}
