import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AnalyticsNav } from "@/components/analytics/analytics-nav";
import { AtRiskTable } from "@/components/analytics/at-risk-table";
import { ExportLinks } from "@/components/analytics/export-links";
import { FilterForm } from "@/components/analytics/filter-form";
import { Freshness } from "@/components/analytics/freshness";
import { ThresholdsForm } from "@/components/analytics/thresholds-form";
import { ClientMessages } from "@/components/intl/client-messages";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { type SearchParams, firstValues } from "@/lib/admin/search-params";
import { getAtRiskStudents } from "@/lib/analytics/at-risk";
import { getAtRiskSettings } from "@/lib/analytics/at-risk-settings";
import { AnalyticsFiltersSchema } from "@/lib/analytics/schemas";
import { filterOptionsFor, departmentIdsFor } from "@/lib/analytics/scope";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analytics.ui.atRisk"))("title") };
}

/** 预警名单 of the department (or the filtered courses), with the department's thresholds. */
export default async function AtRiskPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePortal("admin");
  const filters = AnalyticsFiltersSchema.parse(firstValues(await searchParams));
  const departmentIds = await orHttpError(Promise.resolve().then(() => departmentIdsFor(actor, filters.departmentId)));
  const settingsFor = filters.departmentId ?? (departmentIds?.length === 1 ? departmentIds[0] : undefined);
  const [t, list, options, settings] = await Promise.all([
    getTranslations("analytics.ui"),
    orHttpError(getAtRiskStudents(actor, filters)),
    filterOptionsFor(departmentIds, filters.term),
    settingsFor ? orHttpError(getAtRiskSettings(actor, settingsFor)) : Promise.resolve(null),
  ]);
  const params = { departmentId: filters.departmentId, term: filters.term, classId: filters.classId, courseId: filters.courseId };
  return (
    <ClientMessages namespaces={["analytics"]}>
      <PageHeader title={t("atRisk.title")} subtitle={t("atRisk.subtitle")} />
      <AnalyticsNav current="atRisk" query={params} />
      <FilterForm options={options} filters={filters} />
      <Freshness asOf={list.asOf} filters={params} />
      <div className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm text-slate-600" data-testid="at-risk-summary">
            {t("atRisk.checked", { count: list.checked, flagged: list.rows.length })}
          </p>
          <ExportLinks table="at-risk" params={params} />
        </div>
        {list.rows.length === 0 ? (
          <p className="text-sm text-slate-500">{t("atRisk.none")}</p>
        ) : (
          <AtRiskTable rows={list.rows} studentHref={(row) => `/admin/analytics/students/${row.studentId}`} />
        )}
        <Card title={t("atRisk.thresholds")}>
          {settings ? (
            <>
              <p className="mb-2 text-sm text-slate-600">
                {settings.departmentName}
                {settings.isDefault && ` · ${t("atRisk.defaults")}`}
              </p>
              <ThresholdsForm departmentId={settings.departmentId} thresholds={settings.thresholds} />
            </>
          ) : (
            <p className="text-sm text-slate-500">{t("atRisk.departmentRequired")}</p>
          )}
        </Card>
      </div>
    </ClientMessages>
  );
}
