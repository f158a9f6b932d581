import { getTranslations } from "next-intl/server";
import type { FeedbackSummary } from "@/lib/feedback/get-feedback-summary";

export async function NonResponders({ students }: { students: FeedbackSummary["nonResponders"] }) {
  const t = await getTranslations("plan.feedback");
  return (
    <div data-testid="non-responders">
      <h3 className="mb-2 text-sm font-semibold text-slate-700">{t("nonResponders", { count: students.length })}</h3>
      {students.length === 0 ? (
        <p className="text-sm text-emerald-700">{t("allResponded")}</p>
      ) : (
        <div className="max-h-72 overflow-auto rounded-lg border border-slate-200">
          <table className="w-full text-left text-sm">
            <thead className="sticky top-0 bg-slate-50 text-xs text-slate-500">
              <tr>
                <th scope="col" className="px-2 py-1.5 font-medium">{t("column.no")}</th>
                <th scope="col" className="px-2 py-1.5 font-medium">{t("column.name")}</th>
                <th scope="col" className="px-2 py-1.5 font-medium">{t("column.class")}</th>
                <th scope="col" className="px-2 py-1.5 font-medium">{t("column.group")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {students.map((student) => (
                <tr key={student.userId}>
                  <td className="whitespace-nowrap px-2 py-1.5 tabular-nums">{student.no}</td>
                  <td className="whitespace-nowrap px-2 py-1.5">{student.name}</td>
                  <td className="px-2 py-1.5 text-slate-600">{student.className ?? "—"}</td>
                  <td className="whitespace-nowrap px-2 py-1.5 text-slate-600">{student.groupName ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
