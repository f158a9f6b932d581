import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { ThreadListItem } from "@/lib/threads/list-threads";
import { type ThreadPortal, threadPath } from "@/lib/threads/paths";
import { ThreadModeration } from "./thread-moderation";

/** Threads, pinned first; staff get pin and hide controls on each, and see hidden ones greyed. */
export async function ThreadList({
  items,
  portal,
  courseId,
  canModerate,
}: {
  items: ThreadListItem[];
  portal: ThreadPortal;
  courseId: string;
  canModerate: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations("threads"), getFormatter()]);
  if (items.length === 0) return <p className="text-sm text-slate-500">{t("empty")}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((thread) => (
        <li
          key={thread.id}
          className={`py-3 ${thread.hidden ? "opacity-60" : ""}`}
          data-testid="thread-item"
          data-thread-id={thread.id}
          data-pinned={thread.pinned}
          data-hidden={thread.hidden}
        >
          <Link href={threadPath(portal, courseId, thread.id)} className="block rounded-lg py-1 hover:bg-slate-50">
            <span className="flex flex-wrap items-center gap-1.5">
              {thread.pinned && <Badge tone="amber">{t("badge.pinned")}</Badge>}
              {thread.hidden && <Badge tone="red">{t("badge.hidden")}</Badge>}
              {thread.answered && <Badge tone="green">{t("badge.answered")}</Badge>}
              {thread.caseId && <Badge tone="blue">{t("badge.case")}</Badge>}
              {thread.group && <Badge>{t("badge.group", { group: thread.group.name })}</Badge>}
            </span>
            <span className="mt-1 block break-words text-base font-medium text-slate-900">{thread.title}</span>
            <span className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-slate-500">
              <span>{t("item.by", { name: thread.author.name })}</span>
              {thread.lesson && <span>{t("item.lesson", { n: thread.lesson.position + 1 })}</span>}
              <span>{t("item.replies", { count: thread.replyCount })}</span>
              <span>{t("item.activity", { time: format.relativeTime(thread.updatedAt) })}</span>
            </span>
          </Link>
          {canModerate && (
            <div className="mt-1 flex flex-wrap gap-2">
              <ThreadModeration thread={thread} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
