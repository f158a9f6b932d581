import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FilterForm } from "@/components/analytics/filter-form";
import { DepartmentEvaluationTable } from "@/components/evaluation/department-evaluation-table";
import { PageHeader } from "@/components/ui/page-header";
import { type SearchParams, firstValues } from "@/lib/admin/search-params";
import { requirePortal } from "@/lib/auth/session";
import { listDepartmentEvaluations } from "@/lib/evaluation/list-department-evaluations";
import { MIN_RESPONSES } from "@/lib/evaluation/schemas";
import { orHttpError } from "@/lib/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("evaluation.department"))("title") };
}

/** 课程评教: the evaluations of the department's courses (every department for administrators), by term and course. */
export default async function AdminEvaluationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePortal("admin");
  const query = firstValues(await searchParams);
  const [t, list] = await Promise.all([getTranslations("evaluation.department"), orHttpError(listDepartmentEvaluations(actor, query))]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle", { minimum: MIN_RESPONSES })} />
      <FilterForm options={list.options} filters={list.filters} fields={["departmentId", "term", "courseId"]} />
      {list.evaluations.length === 0 ? (
        <p className="text-sm text-slate-500" data-testid="department-evaluations-empty">
          {t("empty")}
        </p>
      ) : (
        <>
          <DepartmentEvaluationTable rows={list.evaluations} showDepartment={list.options.departments.length > 1} />
          <p className="mt-2 text-xs text-slate-500">{t("overallMeanHint", { minimum: MIN_RESPONSES })}</p>
        </>
      )}
    </>
  );
}
