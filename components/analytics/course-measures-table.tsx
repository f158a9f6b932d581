import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Measures } from "@/lib/analytics/measures";
import { decimal, percent } from "./format";

export interface CourseMeasuresTableRow extends Measures {
  courseId: string;
  code: string;
  title: string;
  term: string;
  departmentName?: string;
}

/** Courses side by side; the course name links to its analytics when `hrefOf` is given. Scrolls sideways on a phone. */
export async function CourseMeasuresTable({
  rows,
  hrefOf,
  showDepartment = false,
  testId = "course-measures",
}: {
  rows: CourseMeasuresTableRow[];
  hrefOf?: (courseId: string) => string;
  showDepartment?: boolean;
  testId?: string;
}) {
  const [t, tc] = await Promise.all([getTranslations("analytics.measures"), getTranslations("analytics.columns")]);
  const head = "px-2 py-2 font-medium whitespace-nowrap";
  const cell = "px-2 py-2 text-right tabular-nums whitespace-nowrap";
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full min-w-[56rem] text-left text-sm" data-testid={testId}>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th className={`${head} sticky left-0 bg-slate-50`}>{tc("course")}</th>
            {showDepartment && <th className={head}>{tc("department")}</th>}
            <th className={`${head} text-right`}>{t("students")}</th>
            <th className={`${head} text-right`}>{t("preClassRate")}</th>
            <th className={`${head} text-right`}>{t("participationRate")}</th>
            <th className={`${head} text-right`}>{t("signInRate")}</th>
            <th className={`${head} text-right`}>{t("quizAverage")}</th>
            <th className={`${head} text-right`}>{t("quizPassRate")}</th>
            <th className={`${head} text-right`}>{t("homeworkOnTimeRate")}</th>
            <th className={`${head} text-right`}>{t("evaluationMean")}</th>
            <th className={`${head} text-right`}>{t("bindingRate")}</th>
            <th className={`${head} text-right`}>{t("deliveryRate")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.courseId} data-testid="course-measures-row">
              <td className="sticky left-0 bg-white px-2 py-2">
                {hrefOf ? (
                  <Link href={hrefOf(row.courseId)} className="font-medium text-brand-700 underline">
                    {row.title}
                  </Link>
                ) : (
                  <span className="font-medium">{row.title}</span>
                )}
                <p className="font-mono text-xs text-slate-500">
                  {row.code} · {row.term}
                </p>
              </td>
              {showDepartment && <td className="px-2 py-2">{row.departmentName}</td>}
              <td className={cell}>{row.students}</td>
              <td className={cell}>{percent(row.preClassRate)}</td>
              <td className={cell}>{percent(row.participationRate)}</td>
              <td className={cell}>{percent(row.signInRate)}</td>
              <td className={cell}>{decimal(row.quizAverage)}</td>
              <td className={cell}>{percent(row.quizPassRate)}</td>
              <td className={cell}>{percent(row.homeworkOnTimeRate)}</td>
              <td className={cell}>{decimal(row.evaluationMean, 2)}</td>
              <td className={cell}>{percent(row.bindingRate)}</td>
              <td className={cell}>{percent(row.deliveryRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
