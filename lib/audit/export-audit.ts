import { createTranslator } from "next-intl";
import { type ExportColumn, type ExportFile, type ExportFormat, exportFile } from "@/lib/analytics/export";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { shanghaiParts } from "@/lib/lesson/local-time";
import messages from "@/messages/zh-CN/audit.json";
import { type AuditTranslator, actionLabel, detailLines } from "./describe-detail";
import { type AuditEntry, type AuditLogScope, adminAuditScope, courseAuditScope, filteredWhere, findEntries } from "./list-audit";
import { AuditFilterSchema } from "./schemas";

/*
 * The filtered audit log as a download, through the same scope as the viewer. Texts are Chinese, like every other
 * export (the spreadsheets go to 教务处 and 教学办), from messages/zh-CN/audit.json.
 */

/** More rows than this are refused: narrow the dates instead of building a sheet nobody can read. */
export const AUDIT_EXPORT_LIMIT = 10_000;

const t = createTranslator({ locale: "zh-CN", messages: { audit: messages }, namespace: "audit" }) as unknown as AuditTranslator;

const when = (at: Date) => `${shanghaiParts(at).date} ${shanghaiParts(at).time}`;

const COLUMNS: ExportColumn<AuditEntry>[] = [
  { header: t("columns.time"), value: (entry) => when(entry.createdAt) },
  { header: t("columns.actor"), value: (entry) => entry.actor?.name ?? (entry.actorId ? t("unknownActor") : t("system")) },
  { header: t("columns.actorNo"), value: (entry) => entry.actor?.no ?? null },
  { header: t("columns.action"), value: (entry) => actionLabel(entry.action, t) },
  { header: t("columns.course"), value: (entry) => (entry.course ? (entry.course.label ?? entry.course.id) : null) },
  { header: t("columns.target"), value: (entry) => entry.target },
  { header: t("columns.detail"), value: (entry) => detailLines(entry.detail, t).join("；") },
];

export interface AuditExportOptions {
  /** Tests lower it; the app uses AUDIT_EXPORT_LIMIT. */
  limit?: number;
}

async function exportOf(scope: AuditLogScope, input: unknown, format: ExportFormat, basename: string, { limit = AUDIT_EXPORT_LIMIT }: AuditExportOptions) {
  const where = await filteredWhere(scope, AuditFilterSchema.parse(input));
  if ((await db.auditLog.count({ where })) > limit) throw new AppError("audit.too_many_rows", { limit });
  const rows = await findEntries(where);
  return exportFile({ sheet: t("title"), columns: COLUMNS, rows }, basename, format);
}

/** The admin portal's 审计日志 as .xlsx or CSV (the page's filters; every page). */
export async function exportAuditLog(actor: Actor, input: unknown, format: ExportFormat, options: AuditExportOptions = {}): Promise<ExportFile> {
  return exportOf(adminAuditScope(actor), input, format, `${t("title")}-${shanghaiParts(new Date()).date}`, options);
}

/** A course's 变更记录 as .xlsx or CSV. */
export async function exportCourseAuditLog(
  actor: Actor,
  courseId: string,
  input: unknown,
  format: ExportFormat,
  options: AuditExportOptions = {},
): Promise<ExportFile> {
  const scope = await courseAuditScope(actor, courseId);
  const course = await db.course.findUniqueOrThrow({ where: { id: courseId }, select: { code: true } });
  return exportOf(scope, input, format, `${course.code}-${t("courseTitle")}-${shanghaiParts(new Date()).date}`, options);
}
