import { getFormatter, getTranslations } from "next-intl/server";
import { actionLabel, detailLines } from "@/lib/audit/describe-detail";
import type { AuditEntry } from "@/lib/audit/list-audit";

/** Audit entries, newest first: when, who (name and 工号), what, (the course,) and the details line by line. */
export async function AuditTable({ entries, showCourse }: { entries: AuditEntry[]; showCourse: boolean }) {
  const [t, format] = await Promise.all([getTranslations("audit"), getFormatter()]);
  if (entries.length === 0) return <p className="text-sm text-slate-500">{t("empty")}</p>;
  const th = "px-3 py-2 font-medium";
  const td = "px-3 py-2 align-top";
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full min-w-[48rem] text-left text-sm" data-testid="audit-table">
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th className={th}>{t("columns.time")}</th>
            <th className={th}>{t("columns.actor")}</th>
            <th className={th}>{t("columns.action")}</th>
            {showCourse && <th className={th}>{t("columns.course")}</th>}
            <th className={th}>{t("columns.detail")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="audit-row">
              <td className={`${td} whitespace-nowrap text-slate-600`}>
                <time dateTime={entry.createdAt.toISOString()}>{format.dateTime(entry.createdAt, { dateStyle: "short", timeStyle: "medium" })}</time>
              </td>
              <td className={td}>
                {entry.actor ? (
                  <>
                    {entry.actor.name} <span className="font-mono text-slate-500">{entry.actor.no}</span>
                  </>
                ) : (
                  <span className="text-slate-500">{t(entry.actorId ? "unknownActor" : "system")}</span>
                )}
              </td>
              <td className={td}>{actionLabel(entry.action, t)}</td>
              {showCourse && <td className={td}>{entry.course ? (entry.course.label ?? entry.course.id) : "—"}</td>}
              <td className={td}>
                <ul className="space-y-0.5">
                  {detailLines(entry.detail, t).map((line, index) => (
                    <li key={index}>{line}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
