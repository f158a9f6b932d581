"use client";
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import type { LostCounts } from "@/lib/live/events";
import { LostChart } from "./lost-chart";

/** How many students are lost right now (last 2 minutes, large) and over the last 30 minutes (chart). */
export function LostPanel({ lost }: { lost: LostCounts }) {
  const t = useTranslations("live.board.lost");
  const labels = useMemo(
    () => lost.perMinute.map((_, i) => (i === lost.perMinute.length - 1 ? t("now") : t("minutesAgo", { count: lost.perMinute.length - 1 - i }))),
    [lost.perMinute, t],
  );
  return (
    <section className="rounded-xl border-2 border-slate-300 bg-white p-4" data-testid="lost-panel">
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="text-xl font-bold">{t("title")}</h2>
        <p className="text-right">
          <span className="block text-sm text-slate-600">{t("recent")}</span>
          <span className={`text-5xl font-black tabular-nums ${lost.recent ? "text-red-600" : "text-slate-900"}`} data-testid="lost-recent">
            {lost.recent}
          </span>
        </p>
      </div>
      <LostChart perMinute={lost.perMinute} labels={labels} title={t("chart")} />
      <p className="mt-1 text-xs text-slate-600">{t("chart")}</p>
    </section>
  );
}
