import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { AtRiskRow } from "@/lib/analytics/at-risk";
import type { AtRiskReason } from "@/lib/analytics/at-risk-rules";

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Students to reach out to, each with the reasons; one card per student on a phone, a table row from sm up. */
export async function AtRiskTable({ rows, studentHref, showCourse = true }: { rows: AtRiskRow[]; studentHref: (row: AtRiskRow) => string; showCourse?: boolean }) {
  const [t, format] = await Promise.all([getTranslations("analytics"), getFormatter()]);
  const reason = (r: AtRiskReason) => {
    switch (r.code) {
      case "falling_scores":
        return t("reasons.falling_scores", { recent: round1(r.recent), earlier: round1(r.earlier) });
      case "low_scores":
        return t("reasons.low_scores", { recent: round1(r.recent) });
      case "missed_preclass":
        return t("reasons.missed_preclass", { missed: r.missed, due: r.due });
      case "absences":
        return t("reasons.absences", { absent: r.absent, held: r.held });
      case "inactive":
        return t("reasons.inactive", { days: r.days });
    }
  };
  return (
    <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white" data-testid="at-risk-list">
      {rows.map((row) => (
        <li key={`${row.courseId}:${row.studentId}`} className="grid gap-1 p-3 sm:grid-cols-[14rem_1fr_8rem] sm:items-start" data-testid="at-risk-row">
          <div>
            <Link href={studentHref(row)} className="font-medium text-brand-700 underline" data-testid="at-risk-student">
              {row.name}
            </Link>
            <p className="text-xs text-slate-500">
              <span className="font-mono">{row.no}</span>
              {row.className && ` · ${row.className}`}
            </p>
            {showCourse && <p className="text-xs text-slate-500">{row.courseTitle}</p>}
          </div>
          <div className="flex flex-wrap gap-1">
            {row.reasons.map((r) => (
              <Badge key={r.code} tone={r.code === "falling_scores" || r.code === "inactive" ? "red" : "amber"}>
                {reason(r)}
              </Badge>
            ))}
          </div>
          <p className="text-xs text-slate-500 sm:text-right">
            {t("columns.lastActivity")}：{row.lastActivityAt ? format.dateTime(row.lastActivityAt, { month: "numeric", day: "numeric" }) : "—"}
          </p>
        </li>
      ))}
    </ul>
  );
}
