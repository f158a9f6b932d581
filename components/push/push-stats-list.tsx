import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { PushStat } from "@/lib/push/get-push-stats";

type Column = keyof PushStat["summary"];

const COLUMNS: { key: Column; tone: string }[] = [
  { key: "sent", tone: "text-emerald-700" },
  { key: "delivered", tone: "text-emerald-800" },
  { key: "pending", tone: "text-slate-700" },
  { key: "deferred", tone: "text-amber-700" },
  { key: "skipped", tone: "text-slate-500" },
  { key: "failed", tone: "text-red-700" },
];

const REASON_TONES = { SKIPPED: "slate", FAILED: "red", DEFERRED: "amber" } as const;

/** Per push of a lesson or course: how many were sent, delivered, queued, deferred, skipped and failed, and why. */
export async function PushStatsList({ stats }: { stats: PushStat[] }) {
  const [t, format] = await Promise.all([getTranslations("push"), getFormatter()]);
  if (!stats.length) {
    return (
      <p data-testid="push-stats" className="rounded-xl border border-dashed border-slate-300 p-4 text-sm text-slate-600">
        {t("stats.empty")}
      </p>
    );
  }
  const kindLabel = (kind: string) => (t.has(`kinds.${kind}`) ? t(`kinds.${kind}`) : t("kinds.other"));
  const reasonLabel = (code: string) => (t.has(`reasons.${code}`) ? t(`reasons.${code}`) : t("reasons.other"));

  return (
    <ul data-testid="push-stats" className="space-y-3">
      {stats.map((stat) => (
        <li
          key={`${stat.kind}:${stat.subject}`}
          data-testid="push-row"
          data-kind={stat.kind}
          className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
        >
          <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
            <h3 className="font-semibold">{kindLabel(stat.kind)}</h3>
            <p className="text-xs text-slate-500">
              {t("stats.createdAt", {
                time: format.dateTime(stat.firstAt, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" }),
              })}
              {" · "}
              {t("stats.recipients", { count: stat.total })}
            </p>
          </div>
          {stat.label && <p className="mt-1 line-clamp-2 break-words text-sm text-slate-600">{stat.label}</p>}
          <dl className="mt-3 grid grid-cols-3 gap-2 sm:grid-cols-6">
            {COLUMNS.map(({ key, tone }) => (
              <div key={key} className="rounded-lg bg-slate-50 px-2 py-1.5 text-center">
                <dt className="text-xs text-slate-600">{t(`stats.columns.${key}`)}</dt>
                <dd className={`text-lg font-semibold tabular-nums ${tone}`} data-testid={`push-${key}`}>
                  {stat.summary[key]}
                </dd>
              </div>
            ))}
          </dl>
          {stat.reasons.length > 0 && (
            <div className="mt-3">
              <h4 className="sr-only">{t("stats.reasonsTitle")}</h4>
              <ul className="flex flex-wrap gap-2" data-testid="push-reasons">
                {stat.reasons.map((reason) => (
                  <li key={`${reason.status}:${reason.code}:${reason.detail ?? ""}`}>
                    <Badge tone={REASON_TONES[reason.status as keyof typeof REASON_TONES] ?? "blue"}>
                      {t("stats.reasonCount", { reason: reasonLabel(reason.code), count: reason.count })}
                      {reason.detail && t("stats.errcode", { code: reason.detail })}
                    </Badge>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
