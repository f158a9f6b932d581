import type { Metadata } from "next";
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
import { type SearchParams, firstValues } from "@/lib/admin/search-params";
import { getClassDashboard } from "@/lib/analytics/department-dashboard";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analytics.ui.department"))("classes") };
}

/** A class (行政班) across its courses, counting only its students. */
export default async function ClassAnalyticsPage({ params, searchParams }: { params: Promise<{ classId: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requirePortal("admin");
  const [{ classId }, query] = await Promise.all([params, searchParams.then(firstValues)]);
  const [t, dashboard] = await Promise.all([getTranslations("analytics.ui"), orHttpError(getClassDashboard(actor, classId, query))]);
  const filters = { departmentId: dashboard.filters.departmentId, term: dashboard.filters.term, classId };
  return (
    <ClientMessages namespaces={["analytics"]}>
      <PageHeader title={t("classView.title", { name: dashboard.class.name })} subtitle={t("classView.subtitle")} />
      <AnalyticsNav current="department" query={filters} />
      <FilterForm options={dashboard.options} filters={dashboard.filters} fields={["departmentId", "term"]} />
      <Freshness asOf={dashboard.asOf} filters={filters} />
      <div className="space-y-4">
        <MeasureCards measures={dashboard.total} />
        <Card title={t("department.trend")}>
          <TrendChart trend={dashboard.trend} />
        </Card>
        <section>
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-base font-semibold">{t("department.courses")}</h2>
            <ExportLinks table="class-courses" params={filters} />
          </div>
          <CourseMeasuresTable rows={dashboard.courses} hrefOf={(courseId) => `/admin/analytics/courses/${courseId}`} showDepartment />
        </section>
      </div>
    </ClientMessages>
  );
}
