import { getTranslations } from "next-intl/server";
import type { CourseGradebook } from "@/lib/gradebook/get-course-gradebook";
import { Percent } from "./percent";

const th = "whitespace-nowrap px-3 py-2 text-left text-xs font-medium text-slate-600";
const td = "whitespace-nowrap px-3 py-2";

/** All students × the scheme's items (then the total); the detail table has one column per quiz and homework. */
export async function GradebookTable({ book }: { book: CourseGradebook }) {
  const t = await getTranslations("gradebook.table");
  if (book.students.length === 0) return <p className="text-sm text-slate-500">{t("noStudents")}</p>;
  return (
    <div className="space-y-4">
      <div className="overflow-x-auto rounded-lg border border-slate-200">
        <table className="w-full text-sm" data-testid="gradebook-table">
          <thead className="sticky top-0 border-b border-slate-200 bg-slate-50">
            <tr>
              <th className={`${th} sticky left-0 bg-slate-50`}>{t("no")}</th>
              <th className={th}>{t("name")}</th>
              <th className={th}>{t("class")}</th>
              {book.items.map((item) => (
                <th key={item.id} className={th}>
                  {t("item", { name: item.name, weight: item.weight })}
                </th>
              ))}
              <th className={th}>{t("total")}</th>
              <th className={th}>{t("countedWeight")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {book.students.map((student) => (
              <tr key={student.userId} data-testid="gradebook-row" data-student={student.no}>
                <td className={`${td} sticky left-0 bg-white font-mono`}>{student.no}</td>
                <td className={td}>{student.name}</td>
                <td className={`${td} text-slate-600`}>{student.className ?? ""}</td>
                {student.items.map((item) => (
                  <td key={item.id} className={td}>
                    <Percent value={item.percent} />
                    {item.count > 0 && <span className="ml-1 text-xs text-slate-400">({item.count})</span>}
                  </td>
                ))}
                <td className={`${td} font-semibold`}>
                  <Percent value={student.total} testId="gradebook-total" />
                </td>
                <td className={`${td} text-slate-600`}>{student.countedWeight}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {book.activities.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("details")}</summary>
          <div className="mt-2 overflow-x-auto rounded-lg border border-slate-200">
            <table className="w-full text-sm" data-testid="gradebook-detail">
              <thead className="border-b border-slate-200 bg-slate-50">
                <tr>
                  <th className={`${th} sticky left-0 bg-slate-50`}>{t("no")}</th>
                  <th className={th}>{t("name")}</th>
                  {book.activities.map((activity) => (
                    <th key={activity.id} className={th}>
                      {t(activity.kind, { title: activity.title })}
                      <span className="block font-normal text-slate-400">
                        {book.items.find((item) => item.id === activity.itemId)?.name ?? t("unmapped")}
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {book.students.map((student) => (
                  <tr key={student.userId}>
                    <td className={`${td} sticky left-0 bg-white font-mono`}>{student.no}</td>
                    <td className={td}>{student.name}</td>
                    {book.activities.map((activity) => (
                      <td key={activity.id} className={td}>
                        <Percent value={student.percents[activity.id] ?? null} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </div>
  );
}
