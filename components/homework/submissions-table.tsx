import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { HomeworkOverview } from "@/lib/homework/teacher-queries";
import { teacherSubmissionPath } from "@/lib/homework/paths";
import { localValueOf } from "@/lib/preclass/local-datetime";
import { ExtensionForm } from "./extension-form";
import { lateDuration } from "./late-duration";
import { HomeworkStatusBadge } from "./status-badge";

const DATE_TIME = { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

// Below `sm` each row is a card and each cell shows its column name (data-label); from `sm` up it is a table.
const cellClass =
  "flex gap-2 py-0.5 before:w-16 before:shrink-0 before:text-slate-500 before:content-[attr(data-label)] sm:table-cell sm:px-3 sm:py-2 sm:align-top sm:before:content-none";

/** Every student of the course with where they stand on this homework; graders also grant extensions here. */
export async function SubmissionsTable({ overview }: { overview: HomeworkOverview }) {
  const t = await getTranslations("homework.submissions");
  const td = await getTranslations("homework.duration");
  const format = await getFormatter();
  const { homework, rows, canGrade } = overview;
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t("noStudents")}</p>;
  const suggested = localValueOf(new Date(homework.dueAt.getTime() + 86_400_000));
  return (
    <table className="block w-full text-sm sm:table" data-testid="submissions-table">
      <thead className="hidden border-b border-slate-200 text-left text-xs text-slate-600 sm:table-header-group">
        <tr>
          <th className="px-3 py-2 font-medium">{t("no")}</th>
          <th className="px-3 py-2 font-medium">{t("name")}</th>
          <th className="px-3 py-2 font-medium">{t("status")}</th>
          <th className="px-3 py-2 font-medium">{t("submittedAt")}</th>
          <th className="px-3 py-2 font-medium">{t("score")}</th>
          <th className="px-3 py-2 font-medium">{t("due")}</th>
          <th className="px-3 py-2 font-medium">{t("actions")}</th>
        </tr>
      </thead>
      <tbody className="block space-y-2 sm:table-row-group sm:space-y-0 sm:divide-y sm:divide-slate-100">
        {rows.map((row) => (
          <tr
            key={row.userId}
            data-testid="submission-row"
            data-student={row.no}
            className="block rounded-lg border border-slate-200 p-3 sm:table-row sm:rounded-none sm:border-0 sm:p-0"
          >
            <td className={`${cellClass} font-mono`} data-label={t("no")}>
              {row.no}
            </td>
            <td className={cellClass} data-label={t("name")}>
              {row.name}
            </td>
            <td className={cellClass} data-label={t("status")}>
              <HomeworkStatusBadge status={row.status} />
            </td>
            <td className={cellClass} data-label={t("submittedAt")}>
              {row.submission ? (
                <span>
                  {format.dateTime(row.submission.submittedAt, DATE_TIME)}
                  {row.submission.lateMinutes > 0 && (
                    <span className="block text-xs text-amber-700">
                      {t("late", { duration: lateDuration(row.submission.lateMinutes, (key, values) => td(key, values)) })}
                    </span>
                  )}
                  {row.submission.version > 1 && <span className="block text-xs text-slate-500">{t("version", { n: row.submission.version })}</span>}
                </span>
              ) : (
                <span className="text-slate-400">—</span>
              )}
            </td>
            <td className={cellClass} data-label={t("score")} data-testid="submission-score">
              {row.submission?.score != null ? (
                <span>
                  {t("scoreOf", { score: row.submission.score, points: homework.points })}
                  {!!row.submission.deduction && <span className="block text-xs text-amber-700">{t("deducted", { points: row.submission.deduction })}</span>}
                </span>
              ) : (
                <span className="text-slate-400">—</span>
              )}
            </td>
            <td className={cellClass} data-label={t("due")}>
              <div className="space-y-1">
                {row.extensionDueAt ? (
                  <span className="block text-xs text-sky-800">{t("extendedTo", { time: format.dateTime(row.extensionDueAt, DATE_TIME) })}</span>
                ) : (
                  <span className="block text-xs text-slate-500">{t("standardDue")}</span>
                )}
                {canGrade && (
                  <ExtensionForm
                    homeworkId={homework.id}
                    userId={row.userId}
                    studentName={row.name}
                    current={row.extensionDueAt ? localValueOf(row.extensionDueAt) : null}
                    suggested={suggested}
                  />
                )}
              </div>
            </td>
            <td className="pt-2 sm:table-cell sm:px-3 sm:py-2 sm:align-top">
              {row.submission && (
                <Link
                  href={teacherSubmissionPath(homework.courseId, homework.id, row.submission.id)}
                  className="text-brand-700 hover:underline"
                  data-testid="submission-open"
                >
                  {canGrade ? (row.status === "graded" ? t("regrade") : t("grade")) : t("view")}
                </Link>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
