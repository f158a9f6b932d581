import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AnalyticsNav } from "@/components/analytics/analytics-nav";
import { CourseMeasuresTable } from "@/components/analytics/course-measures-table";
import { ExportLinks } from "@/components/analytics/export-links";
import { FilterForm } from "@/components/analytics/filter-form";
import { Freshness } from "@/components/analytics/freshness";
import { MeasureCards } from "@/components/analytics/measure-cards";
import { TrendChart } from "@/components/analytics/trend-chart";
import { ClientMessages } from "@/components/intl/client-messages";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { type SearchParams, firstValues, queryString } from "@/lib/admin/search-params";
import { getDepartmentDashboard } from "@/lib/analytics/department-dashboard";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analytics.ui.department"))("title") };
}

/** 教学质量看板: the department's courses side by side, the trend by week, filters and exports. */
export default async function DepartmentAnalyticsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePortal("admin");
  const query = firstValues(await searchParams);
  const [t, dashboard] = await Promise.all([getTranslations("analytics.ui"), orHttpError(getDepartmentDashboard(actor, query))]);
  const filters = dashboard.filters;
  const params = { departmentId: filters.departmentId, term: filters.term, classId: filters.classId, courseId: filters.courseId };
  const courseHref = (courseId: string) => `/admin/analytics/courses/${courseId}`;
  return (
    <ClientMessages namespaces={["analytics"]}>
      <PageHeader title={t("department.title")} subtitle={t("department.subtitle")} />
      <AnalyticsNav current="department" query={params} />
      <FilterForm options={dashboard.options} filters={filters} />
      <Freshness asOf={dashboard.asOf} filters={params} />
      {dashboard.courses.length === 0 ? (
        <p className="text-sm text-slate-500" data-testid="analytics-empty">
          {t("department.empty")}
        </p>
      ) : (
        <div className="space-y-4">
          <section>
            <h2 className="mb-2 text-base font-semibold">{t("department.totals")}</h2>
            <MeasureCards measures={dashboard.total} />
          </section>
          <Card title={t("department.trend")} actions={<ExportLinks table="department-trend" params={params} />}>
            <TrendChart trend={dashboard.trend} />
          </Card>
          <section>
            <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
              <h2 className="text-base font-semibold">{t("department.courses")}</h2>
              <ExportLinks table="department-courses" params={params} />
            </div>
            <CourseMeasuresTable rows={dashboard.courses} hrefOf={courseHref} showDepartment={dashboard.options.departments.length > 1} />
            <p className="mt-2 text-xs text-slate-500">{t("department.evaluationNote")}</p>
          </section>
          {dashboard.options.classes.length > 0 && (
            <Card title={t("department.classes")}>
              <ul className="flex flex-wrap gap-2 text-sm" data-testid="class-links">
                {dashboard.options.classes.map((c) => (
                  <li key={c.id}>
                    <Link
                      href={`/admin/analytics/classes/${c.id}${queryString({ departmentId: filters.departmentId, term: filters.term })}`}
                      className="inline-block rounded-full border border-slate-200 px-3 py-1 text-brand-700 hover:bg-brand-50"
                    >
                      {c.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
      )}
    </ClientMessages>
  );
}
