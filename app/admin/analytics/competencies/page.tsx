import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AnalyticsNav } from "@/components/analytics/analytics-nav";
import { CompetencyEditor } from "@/components/analytics/competency-editor";
import { CompetencyTable } from "@/components/analytics/competency-table";
import { FilterForm } from "@/components/analytics/filter-form";
import { ClientMessages } from "@/components/intl/client-messages";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { type SearchParams, firstValues } from "@/lib/admin/search-params";
import { getCompetencyView } from "@/lib/analytics/competencies";
import { competencyLinesOf } from "@/lib/analytics/competency-lines";
import { AnalyticsFiltersSchema } from "@/lib/analytics/schemas";
import { departmentIdsFor, filterOptionsFor } from "@/lib/analytics/scope";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analytics.ui.competencies"))("title") };
}

/** 能力达成 of one department: its competency list, coverage and attainment, and the list's editor. */
export default async function CompetenciesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePortal("admin");
  const filters = AnalyticsFiltersSchema.parse(firstValues(await searchParams));
  const departmentIds = await orHttpError(Promise.resolve().then(() => departmentIdsFor(actor, filters.departmentId)));
  const departmentId = filters.departmentId ?? (departmentIds?.length === 1 ? departmentIds[0] : undefined);
  const [t, options, view] = await Promise.all([
    getTranslations("analytics.ui"),
    filterOptionsFor(departmentIds, filters.term),
    departmentId ? orHttpError(getCompetencyView(actor, { departmentId, term: filters.term })) : Promise.resolve(null),
  ]);
  return (
    <ClientMessages namespaces={["analytics"]}>
      <PageHeader title={t("competencies.title")} subtitle={t("competencies.subtitle")} />
      <AnalyticsNav current="competencies" query={{ departmentId: filters.departmentId, term: filters.term }} />
      <FilterForm options={options} filters={filters} fields={["departmentId", "term"]} />
      {view ? (
        <div className="space-y-4">
          <Card title={`${view.department.name} · ${t("competencies.coverage")}`}>
            <CompetencyTable view={view} exportParams={{ departmentId: view.department.id, term: filters.term }} />
          </Card>
          <Card>
            <CompetencyEditor departmentId={view.department.id} lines={competencyLinesOf(view.competencies)} />
          </Card>
        </div>
      ) : (
        <p className="text-sm text-slate-500">{t("competencies.departmentRequired")}</p>
      )}
    </ClientMessages>
  );
}
