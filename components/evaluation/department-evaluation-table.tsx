import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { DepartmentEvaluationRow } from "@/lib/evaluation/list-department-evaluations";
import { adminEvaluationPath } from "@/lib/evaluation/paths";
import { MIN_RESPONSES } from "@/lib/evaluation/schemas";
import { EvaluationStateBadge } from "./state-badge";

const DATE_TIME = { year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

/**
 * The evaluations of a department's courses with their window, response count and overall mean — the mean only from
 * MIN_RESPONSES answers, like the results page each row links to. Scrolls sideways on a phone.
 */
export async function DepartmentEvaluationTable({ rows, showDepartment }: { rows: DepartmentEvaluationRow[]; showDepartment: boolean }) {
  const [t, te, format] = await Promise.all([getTranslations("evaluation.department"), getTranslations("evaluation"), getFormatter()]);
  const head = "px-3 py-2 font-medium whitespace-nowrap";
  const cell = "px-3 py-2";
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full min-w-[52rem] text-left text-sm" data-testid="department-evaluations">
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th className={head}>{t("course")}</th>
            <th className={head}>{t("evaluation")}</th>
            <th className={head}>{t("window")}</th>
            <th className={`${head} text-right`}>{t("responses")}</th>
            <th className={`${head} text-right`}>{t("overallMean")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} data-testid="department-evaluation-row" className="align-top">
              <td className={cell}>
                <span className="font-medium">{row.course.title}</span>
                <p className="font-mono text-xs text-slate-500">
                  {row.course.code} · {row.course.term}
                  {showDepartment && <span className="font-sans"> · {row.course.departmentName}</span>}
                </p>
              </td>
              <td className={cell}>
                <span className="flex flex-wrap items-center gap-2">
                  <Link href={adminEvaluationPath(row.id)} className="font-medium text-brand-700 underline">
                    {row.title}
                  </Link>
                  <EvaluationStateBadge state={row.state} />
                </span>
                <p className="text-xs text-slate-500">{row.lessonTitle ? te("scopeLesson", { title: row.lessonTitle }) : te("scopeCourse")}</p>
              </td>
              <td className={`${cell} text-slate-600`}>
                {te("list.window", { opens: format.dateTime(row.opensAt, DATE_TIME), closes: format.dateTime(row.closesAt, DATE_TIME) })}
              </td>
              <td className={`${cell} whitespace-nowrap text-right tabular-nums`} data-testid="department-evaluation-responses">
                {t("responsesOf", { responses: row.responses, students: row.studentCount })}
                {row.studentCount > 0 && (
                  <p className="text-xs text-slate-500">
                    {format.number(Math.min(row.responses / row.studentCount, 1), { style: "percent", maximumFractionDigits: 0 })}
                  </p>
                )}
              </td>
              <td className={`${cell} whitespace-nowrap text-right tabular-nums`} data-testid="department-evaluation-mean">
                {row.responses < MIN_RESPONSES ? (
                  <span className="text-xs text-slate-500">{t("belowMinimum", { minimum: MIN_RESPONSES })}</span>
                ) : row.overallMean === null ? (
                  "—"
                ) : (
                  <span className="font-semibold text-brand-700">{format.number(row.overallMean, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
