import { getFormatter, getTranslations } from "next-intl/server";
import { RefreshButton } from "./refresh-button";

/** When the figures were computed, and a way to recompute them now. */
export async function Freshness({ asOf, filters }: { asOf: Date | null; filters: Record<string, string | undefined> }) {
  const [t, format] = await Promise.all([getTranslations("analytics.ui.freshness"), getFormatter()]);
  return (
    <div className="mb-3 flex flex-wrap items-center gap-x-3 text-xs text-slate-500" data-testid="analytics-freshness">
      <span title={t("note")}>
        {asOf ? t("asOf", { time: format.dateTime(asOf, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" }) }) : t("never")}
      </span>
      <RefreshButton filters={filters} />
    </div>
  );
}
