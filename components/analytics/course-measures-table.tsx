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

/** The measure columns in their order; each header is `analytics.measures.<key>`. */
const MEASURE_COLUMNS = [
  { key: "students", format: (row: Measures) => String(row.students) },
  { key: "preClassRate", format: (row: Measures) => percent(row.preClassRate) },
  { key: "participationRate", format: (row: Measures) => percent(row.participationRate) },
  { key: "signInRate", format: (row: Measures) => percent(row.signInRate) },
  { key: "quizAverage", format: (row: Measures) => decimal(row.quizAverage) },
  { key: "quizPassRate", format: (row: Measures) => percent(row.quizPassRate) },
  { key: "homeworkOnTimeRate", format: (row: Measures) => percent(row.homeworkOnTimeRate) },
  { key: "evaluationMean", format: (row: Measures) => decimal(row.evaluationMean, 2) },
  { key: "bindingRate", format: (row: Measures) => percent(row.bindingRate) },
  { key: "deliveryRate", format: (row: Measures) => percent(row.deliveryRate) },
] as const;

export type CourseMeasureColumn = (typeof MEASURE_COLUMNS)[number]["key"];

/**
 * Courses side by side; the course name links to its analytics when `hrefOf` is given. Scrolls sideways on a phone.
 * `omit` leaves out columns that mean nothing to the reader (a student's own table has one student and no evaluation).
 */
export async function CourseMeasuresTable({
  rows,
  hrefOf,
  showDepartment = false,
  omit = [],
  testId = "course-measures",
}: {
  rows: CourseMeasuresTableRow[];
  hrefOf?: (courseId: string) => string;
  showDepartment?: boolean;
  omit?: readonly CourseMeasureColumn[];
  testId?: string;
}) {
  const [t, tc] = await Promise.all([getTranslations("analytics.measures"), getTranslations("analytics.columns")]);
  const columns = MEASURE_COLUMNS.filter((column) => !omit.includes(column.key));
  const head = "px-2 py-2 font-medium whitespace-nowrap";
  const cell = "px-2 py-2 text-right tabular-nums whitespace-nowrap";
  // Wide enough that headers never wrap into each other: the course column plus about 4rem per number column.
  const minWidth = `${16 + 4 * (columns.length + (showDepartment ? 1 : 0))}rem`;
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" style={{ minWidth }} data-testid={testId}>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th className={`${head} sticky left-0 bg-slate-50`}>{tc("course")}</th>
            {showDepartment && <th className={head}>{tc("department")}</th>}
            {columns.map((column) => (
              <th key={column.key} className={`${head} text-right`} data-column={column.key}>
                {t(column.key)}
              </th>
            ))}
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
              {columns.map((column) => (
                <td key={column.key} className={cell}>
                  {column.format(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
