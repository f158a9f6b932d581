import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { PlanVersionEntry } from "@/lib/plan/list-plan-versions";

/** Who saved a version and when, its change note, and what caused it (objectives, students' feedback). */
export async function PlanVersionDetails({ version }: { version: PlanVersionEntry }) {
  const [t, tf, format] = await Promise.all([getTranslations("plan.plan"), getTranslations("plan.feedback"), getFormatter()]);
  const hasCauses = version.objectives.length > 0 || version.feedback.length > 0;
  return (
    <div className="space-y-3 text-sm">
      <p className="text-xs text-slate-500">
        {t("meta", {
          name: version.authorName ?? t("unknownAuthor"),
          time: format.dateTime(version.createdAt, { year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" }),
        })}
      </p>
      {version.changeNote && (
        <div>
          <h3 className="text-xs font-semibold text-slate-500">{t("changeNote")}</h3>
          <p className="mt-0.5 whitespace-pre-wrap break-words" data-testid="plan-version-note">
            {version.changeNote}
          </p>
        </div>
      )}
      {hasCauses && (
        <div className="space-y-2">
          <h3 className="text-xs font-semibold text-slate-500">{t("causes")}</h3>
          {version.objectives.length > 0 && (
            <div>
              <p className="text-xs text-slate-500">{t("causeObjectives")}</p>
              <ul className="mt-1 flex flex-wrap gap-1.5">
                {version.objectives.map((objective) => (
                  <li key={objective.id}>
                    <Badge tone="green">{objective.text}</Badge>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {version.feedback.length > 0 && (
            <details>
              <summary className="cursor-pointer text-xs text-slate-500">{t("causeFeedback", { count: version.feedback.length })}</summary>
              <ul className="mt-1 space-y-1.5">
                {version.feedback.map((item) => (
                  <li key={item.id} className="rounded-lg bg-slate-50 px-2 py-1.5">
                    <span className="font-medium">{item.studentName}</span>
                    {item.unclear && (
                      <span className="mt-0.5 block whitespace-pre-wrap break-words">
                        <Badge tone="amber">{tf("unclear")}</Badge> {item.unclear}
                      </span>
                    )}
                    {item.questions && (
                      <span className="mt-0.5 block whitespace-pre-wrap break-words">
                        <Badge tone="blue">{tf("questions")}</Badge> {item.questions}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </div>
  );
}
