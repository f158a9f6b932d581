import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { MyGrades as MyGradesData } from "@/lib/gradebook/get-my-grades";
import { Percent } from "./percent";

/** A student's own grades on a phone: the running total, then each item of the scheme with the work behind it. */
export async function MyGrades({ grades }: { grades: MyGradesData }) {
  const t = await getTranslations("gradebook.student");
  const activityLabel = (activity: MyGradesData["unmapped"][number]) =>
    t(activity.kind, { title: activity.title });
  return (
    <div className="space-y-4">
      <Card>
        <div className="text-center" data-testid="my-total">
          <p className="text-sm text-slate-600">{t("total")}</p>
          <p className="text-4xl font-semibold">
            <Percent value={grades.total} testId="my-total-value" />
          </p>
          <p className="mt-1 text-xs text-slate-500">
            {grades.total === null ? t("nothingYet") : t("countedWeight", { weight: grades.countedWeight })}
          </p>
        </div>
      </Card>
      {grades.items.length === 0 ? (
        <p className="text-sm text-slate-500">{t("noScheme")}</p>
      ) : (
        <ul className="space-y-3" data-testid="my-items">
          {grades.items.map((item) => (
            <li key={item.id}>
              <Card
                title={t("item", { name: item.name, weight: item.weight })}
                actions={
                  <span className="font-semibold">
                    <Percent value={item.percent} />
                  </span>
                }
              >
                {item.activities.length === 0 ? (
                  <p className="text-sm text-slate-500">{t("noResults")}</p>
                ) : (
                  <ul className="divide-y divide-slate-100 text-sm">
                    {item.activities.map((activity) => (
                      <li key={activity.id} className="flex justify-between gap-3 py-2" data-testid="my-activity">
                        <span className="min-w-0">{activityLabel(activity)}</span>
                        <span className="shrink-0 text-right">
                          <Percent value={activity.percent} />
                          {activity.score !== null && activity.points !== null && (
                            <span className="block text-xs text-slate-500">{t("points", { score: activity.score, points: activity.points })}</span>
                          )}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            </li>
          ))}
        </ul>
      )}
      {grades.unmapped.length > 0 && (
        <Card title={t("unmapped")}>
          <ul className="divide-y divide-slate-100 text-sm">
            {grades.unmapped.map((activity) => (
              <li key={activity.id} className="flex justify-between gap-3 py-2">
                <span>{activityLabel(activity)}</span>
                <Percent value={activity.percent} />
              </li>
            ))}
          </ul>
        </Card>
      )}
      <p className="text-xs text-slate-500">{t("rules")}</p>
    </div>
  );
}
