import { getFormatter, getTranslations } from "next-intl/server";
import type { PlanChangesForStudent } from "@/lib/plan/list-plan-changes-for-student";

type PlanChange = PlanChangesForStudent["changes"][number];

/** One adjustment on the student's timeline: when, the teacher's note, the objectives, and a thank-you if earned. */
export async function PlanChangeCard({ change }: { change: PlanChange }) {
  const [t, format] = await Promise.all([getTranslations("plan.changes"), getFormatter()]);
  return (
    <li data-testid="plan-change" className="relative pl-6">
      <span aria-hidden className={`absolute left-0 top-5 h-3 w-3 rounded-full ring-4 ring-slate-50 ${change.yourFeedbackHelped ? "bg-amber-500" : "bg-brand-500"}`} />
      <article className={`rounded-xl border bg-white p-4 shadow-sm ${change.yourFeedbackHelped ? "border-amber-300" : "border-slate-200"}`}>
        <header className="flex items-baseline justify-between gap-2 text-xs text-slate-500">
          <span className="font-medium text-slate-700">{t("version", { version: change.version })}</span>
          <time dateTime={change.createdAt.toISOString()}>
            {format.dateTime(change.createdAt, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" })}
          </time>
        </header>
        {change.yourFeedbackHelped && (
          <p data-testid="your-feedback-helped" className="mt-2 rounded-lg bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900">
            <span aria-hidden>★ </span>
            {t("yourFeedbackHelped")}
          </p>
        )}
        <p className="mt-2 whitespace-pre-wrap break-words text-base leading-relaxed">{change.changeNote}</p>
        {change.objectives.length > 0 && (
          <div className="mt-3">
            <p className="text-xs text-slate-500">{t("objectives")}</p>
            <ul className="mt-1 space-y-1">
              {change.objectives.map((objective) => (
                <li key={objective.id} className="rounded-lg bg-brand-50 px-2.5 py-1.5 text-sm text-brand-700">
                  {objective.text}
                </li>
              ))}
            </ul>
          </div>
        )}
        {change.lines && <p className="mt-3 text-xs text-slate-500">{t("lines", change.lines)}</p>}
      </article>
    </li>
  );
}
