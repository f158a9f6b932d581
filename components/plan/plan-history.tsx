import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { PlanVersionEntry } from "@/lib/plan/list-plan-versions";
import { teacherPlanPath } from "@/lib/plan/paths";

/** Every version, newest first, with its change note; each opens its own page with the diff. */
export async function PlanHistory({ lessonId, versions, current }: { lessonId: string; versions: PlanVersionEntry[]; current?: number }) {
  const [t, format] = await Promise.all([getTranslations("plan.plan"), getFormatter()]);
  return (
    <ol data-testid="plan-history" className="space-y-2">
      {versions.map((version) => (
        <li key={version.id}>
          <Link
            href={teacherPlanPath(lessonId, { version: version.version })}
            aria-current={version.version === current ? "page" : undefined}
            className={`block rounded-lg border px-3 py-2 text-sm hover:bg-slate-50 ${version.version === current ? "border-brand-500 bg-brand-50" : "border-slate-200"}`}
            data-testid="plan-history-entry"
          >
            <span className="flex items-center justify-between gap-2">
              <span className="font-medium">{t("version", { version: version.version })}</span>
              <span className="text-xs text-slate-500">
                {format.dateTime(version.createdAt, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" })}
              </span>
            </span>
            <span className="mt-0.5 line-clamp-2 block break-words text-slate-700">{version.changeNote || t("initial")}</span>
            {(version.objectives.length > 0 || version.feedback.length > 0) && (
              <span className="mt-1 block">
                <Badge tone="green">{t("causeCount", { objectives: version.objectives.length, feedback: version.feedback.length })}</Badge>
              </span>
            )}
          </Link>
        </li>
      ))}
    </ol>
  );
}
