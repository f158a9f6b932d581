import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import type { ExportParams, ExportTableName } from "@/lib/analytics/export-tables";

/** Excel and CSV downloads of one analytics table, with the filters of the page. */
export async function ExportLinks({ table, params }: { table: ExportTableName; params: ExportParams }) {
  const t = await getTranslations("analytics.ui.export");
  const href = (format: "xlsx" | "csv") => {
    const search = new URLSearchParams({ format });
    for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
    return `/api/analytics/export/${table}?${search}`;
  };
  return (
    <div className="flex flex-wrap gap-2">
      <a href={href("xlsx")} download data-testid={`export-${table}-xlsx`} className={buttonClass("secondary", "min-h-8 px-3 py-1 text-xs")}>
        {t("xlsx")}
      </a>
      <a href={href("csv")} download data-testid={`export-${table}-csv`} className={buttonClass("secondary", "min-h-8 px-3 py-1 text-xs")}>
        {t("csv")}
      </a>
    </div>
  );
}
