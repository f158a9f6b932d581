import { getTranslations } from "next-intl/server";
import { ZodError } from "zod";
import { buttonClass } from "@/components/ui/button";
import { queryString } from "@/lib/admin/search-params";
import type { AuditPage } from "@/lib/audit/list-audit";
import type { AuditAction } from "@/lib/audit/write-audit";
import { type FieldErrors, fieldErrorsOf } from "@/lib/errors";
import { orHttpError } from "@/lib/page-errors";
import { AuditFilters, type AuditFilterValues } from "./audit-filters";
import { AuditPager } from "./audit-pager";
import { AuditTable } from "./audit-table";

export type AuditOutcome = { page: AuditPage; fieldErrors: null } | { page: null; fieldErrors: FieldErrors };

/** A listing for a page: refusals become the 404 / 403 page, an unreadable filter the form's field errors. */
export async function auditOutcome(work: Promise<AuditPage>): Promise<AuditOutcome> {
  try {
    return { page: await orHttpError(work), fieldErrors: null };
  } catch (error) {
    if (error instanceof ZodError) return { page: null, fieldErrors: fieldErrorsOf(error) };
    throw error;
  }
}

/** Filters, export links, the entries and the pager; shared by the admin portal's 审计日志 and a course's 变更记录. */
export async function AuditLogView({
  path,
  values,
  outcome,
  actions,
  showCourse,
}: {
  path: string;
  values: AuditFilterValues;
  outcome: AuditOutcome;
  actions: readonly AuditAction[];
  showCourse: boolean;
}) {
  const [t, te] = await Promise.all([getTranslations("audit"), getTranslations("errors")]);
  const filters = { action: values.action, actor: values.actor, from: values.from, to: values.to };
  const { page } = outcome;
  return (
    <>
      <AuditFilters path={path} actions={actions} values={filters} errors={outcome.fieldErrors ?? {}} />
      {page ? (
        <>
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm text-slate-600">{t("total", { total: page.total })}</p>
            <div className="flex flex-wrap gap-2">
              <a href={`${path}/export${queryString(filters, { format: "xlsx" })}`} className={buttonClass("secondary")} data-testid="audit-export-xlsx" download>
                {t("filters.exportXlsx")}
              </a>
              <a href={`${path}/export${queryString(filters, { format: "csv" })}`} className={buttonClass("secondary")} data-testid="audit-export-csv" download>
                {t("filters.exportCsv")}
              </a>
            </div>
          </div>
          <AuditTable entries={page.entries} showCourse={showCourse} />
          <AuditPager path={path} params={filters} page={page.page} pageCount={page.pageCount} />
        </>
      ) : (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {te("validation")}
        </p>
      )}
    </>
  );
}
