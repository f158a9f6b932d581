import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditLogView, auditOutcome } from "@/components/audit/audit-log-view";
import { PageHeader } from "@/components/ui/page-header";
import { type SearchParams, firstValues } from "@/lib/admin/search-params";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";
import { listAuditLog } from "@/lib/audit/list-audit";
import { departmentScopeOf } from "@/lib/auth/authz";
import { requirePortal } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

/** 审计日志: administrators read every entry, department admins their department's. */
export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePortal("admin");
  const values = firstValues(await searchParams);
  const [outcome, t] = await Promise.all([auditOutcome(listAuditLog(actor, values)), getTranslations("audit")]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={departmentScopeOf(actor) ? t("scopeDepartment") : t("scopeAll")} />
      <AuditLogView path="/admin/audit" values={values} outcome={outcome} actions={AUDIT_ACTIONS} showCourse />
    </>
  );
}
