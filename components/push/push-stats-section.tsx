import { getTranslations } from "next-intl/server";
import type { PushStat } from "@/lib/push/get-push-stats";
import { PushStatsList } from "./push-stats-list";

/** The push stats page body for a lesson or a whole course; `scope` picks the intro line. */
export async function PushStatsSection({ stats, scope }: { stats: PushStat[]; scope: "lesson" | "course" }) {
  const t = await getTranslations("push.stats");
  return (
    <section className="space-y-4" aria-labelledby="push-stats-title">
      <div>
        <h2 id="push-stats-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{scope === "course" ? t("courseIntro") : t("intro")}</p>
      </div>
      <PushStatsList stats={stats} />
    </section>
  );
}
