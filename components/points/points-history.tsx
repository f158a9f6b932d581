import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { PointsAwardItem } from "@/lib/points/get-my-points";

const DATE = { year: "numeric", month: "numeric", day: "numeric" } as const;
const RULES = ["preclass", "case", "quiz", "practice", "homework"] as const;

/** A student's total for the course, each award with its reason and day, and how points are earned. */
export async function PointsHistory({ total, awards }: { total: number; awards: PointsAwardItem[] }) {
  const [t, format] = await Promise.all([getTranslations("points"), getFormatter()]);
  return (
    <div className="space-y-4">
      <Card>
        <p className="text-sm text-slate-600">{t("total")}</p>
        <p data-testid="points-total" className="mt-1 text-4xl font-semibold text-brand-700">
          {total}
        </p>
      </Card>
      <Card title={t("history")}>
        {awards.length === 0 ? (
          <p className="text-sm text-slate-500">{t("empty")}</p>
        ) : (
          <ul data-testid="points-history" className="divide-y divide-slate-100">
            {awards.map((award) => (
              <li key={award.id} data-testid="points-award" data-reason={award.reason} className="flex items-center justify-between gap-3 py-2.5">
                <span className="min-w-0">
                  <span className="block text-sm text-slate-800">{t(`reason.${award.reason}`)}</span>
                  <span className="block text-xs text-slate-500">{format.dateTime(award.createdAt, DATE)}</span>
                </span>
                <span className="shrink-0 font-semibold text-emerald-700">{t("points", { points: award.points })}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t("rules.title")}>
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          {RULES.map((rule) => (
            <li key={rule}>{t(`rules.${rule}`)}</li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
