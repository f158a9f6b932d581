"use client";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { PastTopic } from "@/lib/live/get-live-state";

export function PastTopics({ pastTopics }: { pastTopics: PastTopic[] }) {
  const t = useTranslations("live");
  const format = useFormatter();
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4" data-testid="past-topics">
      <h2 className="mb-2 text-lg font-semibold">{t("board.past.title")}</h2>
      {pastTopics.length === 0 ? (
        <p className="text-sm text-slate-600">{t("board.past.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {pastTopics.map(({ topic, answerCount }) => (
            <li key={topic.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2">
              <span className="text-sm tabular-nums text-slate-500">{format.dateTime(new Date(topic.openedAt), { hour: "2-digit", minute: "2-digit" })}</span>
              <Badge tone="blue">{t(`kinds.${topic.kind}`)}</Badge>
              <span className="min-w-0 flex-1 break-words">{topic.prompt}</span>
              <span className="text-sm text-slate-600">{t("board.past.answerCount", { count: answerCount })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
