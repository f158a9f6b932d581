import Link from "next/link";
import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Markdown } from "@/components/markdown";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { CourseRole } from "@/generated/prisma/client";
import { markAnswerAction, setHiddenAction } from "@/lib/threads/actions";
import type { PostDetail, ThreadDetail } from "@/lib/threads/get-thread";
import { type ThreadPortal, lessonAfterPath } from "@/lib/threads/paths";
import { EditPostForm, EditThreadForm } from "./edit-forms";
import { FormButton } from "./form-button";
import { ReplyForm } from "./reply-form";
import { ThreadModeration } from "./thread-moderation";

const WHEN = { year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" } as const;

/** A thread and its replies, with what the actor may do: reply, edit their own, and (staff) moderate. */
export async function ThreadView({ thread, portal }: { thread: ThreadDetail; portal: ThreadPortal }) {
  const [t, tc, format] = await Promise.all([getTranslations("threads"), getTranslations("common"), getFormatter()]);
  const roleBadge = (role: CourseRole | null) =>
    role === "TEACHER" || role === "ASSISTANT" ? <Badge tone="blue">{tc(`courseRole.${role}`)}</Badge> : null;
  return (
    <div className="space-y-4">
      <Card className={thread.hidden ? "opacity-70" : ""}>
        <article data-testid="thread-detail" data-thread-id={thread.id} data-hidden={thread.hidden} data-pinned={thread.pinned}>
          <div className="flex flex-wrap items-center gap-1.5">
            {thread.pinned && <Badge tone="amber">{t("badge.pinned")}</Badge>}
            {thread.hidden && <Badge tone="red">{t("badge.hidden")}</Badge>}
            {thread.answerPostId && <Badge tone="green">{t("badge.answered")}</Badge>}
            {thread.caseId && <Badge tone="blue">{t("badge.case")}</Badge>}
            {thread.group && <Badge>{t("badge.group", { group: thread.group.name })}</Badge>}
          </div>
          <h1 className="mt-2 break-words text-lg font-semibold sm:text-xl">{thread.title}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
            <span className="font-medium text-slate-700">{thread.author.name}</span>
            {roleBadge(thread.author.role)}
            <span>{format.dateTime(thread.createdAt, WHEN)}</span>
          </p>
          {thread.lesson && (
            <Link href={lessonAfterPath(portal, thread.lesson.id)} className="mt-1 block text-xs text-brand-700">
              {t("detail.lesson", { n: thread.lesson.position + 1, title: thread.lesson.title })}
            </Link>
          )}
          {thread.hidden && <p className="mt-2 text-xs text-red-700">{t("moderation.hiddenNote")}</p>}
          <Markdown source={thread.body} className="mt-3 overflow-x-auto text-sm" />
          {(thread.canModerate || thread.canEdit) && (
            <div className="mt-3 flex flex-wrap gap-2 border-t border-slate-100 pt-2">
              {thread.canModerate && (
                <ThreadModeration thread={thread} />
              )}
              {thread.canEdit && (
                <details className="w-full">
                  <summary className="cursor-pointer py-1 text-sm text-brand-700">{t("detail.editThread")}</summary>
                  <div className="pt-2">
                    <EditThreadForm thread={{ id: thread.id, title: thread.title, body: thread.body }} />
                  </div>
                </details>
              )}
            </div>
          )}
        </article>
      </Card>

      <Card title={t("detail.replies", { count: thread.posts.length })}>
        {thread.posts.length === 0 ? (
          <p className="text-sm text-slate-500">{t("detail.noReplies")}</p>
        ) : (
          <ol className="space-y-3">
            {thread.posts.map((post) => (
              <PostItem key={post.id} post={post} canModerate={thread.canModerate} roleBadge={roleBadge(post.author.role)} when={format.dateTime(post.createdAt, WHEN)} />
            ))}
          </ol>
        )}
        <div className="mt-4 border-t border-slate-100 pt-4">
          <ReplyForm threadId={thread.id} />
        </div>
      </Card>
    </div>
  );
}

async function PostItem({ post, canModerate, roleBadge, when }: { post: PostDetail; canModerate: boolean; roleBadge: ReactNode; when: string }) {
  const t = await getTranslations("threads");
  const frame = post.isAnswer ? "border-emerald-300 bg-emerald-50/50" : "border-slate-200";
  return (
    <li
      className={`rounded-xl border p-3 ${frame} ${post.hidden ? "opacity-60" : ""}`}
      data-testid="post-item"
      data-post-id={post.id}
      data-answer={post.isAnswer}
      data-hidden={post.hidden}
    >
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
        <span className="font-medium text-slate-700">{post.author.name}</span>
        {roleBadge}
        <span>{when}</span>
        {post.edited && <span>· {t("badge.edited")}</span>}
        {post.isAnswer && <Badge tone="green">{t("badge.answer")}</Badge>}
        {post.hidden && <Badge tone="red">{t("badge.hidden")}</Badge>}
      </p>
      <Markdown source={post.body} className="mt-2 overflow-x-auto text-sm" />
      {(canModerate || post.canEdit) && (
        <div className="mt-2 flex flex-wrap gap-2">
          {canModerate && !post.hidden && (
            <FormButton
              action={markAnswerAction}
              fields={{ postId: post.id, answer: String(!post.isAnswer) }}
              label={post.isAnswer ? t("moderation.unmarkAnswer") : t("moderation.markAnswer")}
              variant="ghost"
              testId="answer-button"
            />
          )}
          {canModerate && (
            <FormButton
              action={setHiddenAction}
              fields={{ kind: "post", id: post.id, hidden: String(!post.hidden) }}
              label={post.hidden ? t("moderation.unhide") : t("moderation.hide")}
              variant="ghost"
              testId="hide-button"
            />
          )}
          {post.canEdit && (
            <details className="w-full">
              <summary className="cursor-pointer py-1 text-sm text-brand-700">{t("detail.edit")}</summary>
              <div className="pt-2">
                <EditPostForm post={{ id: post.id, body: post.body }} />
              </div>
            </details>
          )}
        </div>
      )}
    </li>
  );
}
