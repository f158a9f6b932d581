import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { EvaluationListItem } from "@/lib/evaluation/list-evaluations";
import { teacherEvaluationPath } from "@/lib/evaluation/paths";
import { EvaluationStateBadge } from "./state-badge";

const DATE_TIME = { year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

/** A course's evaluations with their window, state and response count (never more). */
export async function EvaluationList({ courseId, evaluations, studentCount }: {
  courseId: string;
  evaluations: EvaluationListItem[];
  studentCount: number;
}) {
  const [t, format] = await Promise.all([getTranslations("evaluation"), getFormatter()]);
  if (evaluations.length === 0) return <p className="py-6 text-center text-sm text-slate-500">{t("list.empty")}</p>;
  return (
    <ul data-testid="evaluation-list" className="divide-y divide-slate-100">
      {evaluations.map((evaluation) => (
        <li key={evaluation.id}>
          <Link
            href={teacherEvaluationPath(courseId, evaluation.id)}
            data-testid="evaluation-row"
            className="flex flex-wrap items-center justify-between gap-2 rounded-md px-2 py-3 hover:bg-slate-50"
          >
            <span className="min-w-0">
              <span className="flex items-center gap-2 font-medium text-slate-900">
                {evaluation.title} <EvaluationStateBadge state={evaluation.state} />
              </span>
              <span className="mt-0.5 block text-sm text-slate-600">
                {evaluation.lessonTitle ? t("scopeLesson", { title: evaluation.lessonTitle }) : t("scopeCourse")} ·{" "}
                {t("list.window", { opens: format.dateTime(evaluation.opensAt, DATE_TIME), closes: format.dateTime(evaluation.closesAt, DATE_TIME) })}
              </span>
            </span>
            <span className="text-sm text-slate-700">
              {t("list.responses", { count: evaluation.responses })}
              {studentCount > 0 && (
                <span className="ml-2 text-slate-500">
                  {t("list.responseRate", {
                    rate: format.number(Math.min(evaluation.responses / studentCount, 1), { style: "percent", maximumFractionDigits: 0 }),
                  })}
                </span>
              )}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
