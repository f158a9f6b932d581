import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { type GetThreadInput, GetThreadSchema } from "./schemas";
import { getVisibleThread, postVisibleTo } from "./visibility";

/** A thread with the replies the actor may see, and what the actor may do with each. */
export async function getThread(actor: Actor, input: GetThreadInput) {
  const data = GetThreadSchema.parse(input);
  const { thread: visible, membership } = await getVisibleThread(actor, data.threadId);
  const authorSelect = {
    select: { name: true, memberships: { where: { courseId: membership.courseId }, select: { role: true } } },
  } as const;
  const thread = await db.thread.findUniqueOrThrow({
    where: { id: visible.id },
    select: {
      id: true,
      title: true,
      body: true,
      pinned: true,
      hidden: true,
      caseId: true,
      authorId: true,
      answerPostId: true,
      createdAt: true,
      author: authorSelect,
      group: { select: { name: true } },
      lesson: { select: { id: true, position: true, title: true } },
      course: { select: { id: true, code: true, title: true } },
      posts: {
        where: postVisibleTo(membership),
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, body: true, hidden: true, authorId: true, createdAt: true, updatedAt: true, author: authorSelect },
      },
    },
  });
  const roleOf = (author: typeof thread.author) => author.memberships[0]?.role ?? null;
  const answerVisible = thread.posts.some((post) => post.id === thread.answerPostId);
  return {
    id: thread.id,
    title: thread.title,
    body: thread.body,
    pinned: thread.pinned,
    hidden: thread.hidden,
    caseId: thread.caseId,
    createdAt: thread.createdAt,
    author: { name: thread.author.name, role: roleOf(thread.author) },
    group: thread.group,
    lesson: thread.lesson,
    course: thread.course,
    answerPostId: answerVisible ? thread.answerPostId : null,
    canEdit: thread.authorId === actor.id,
    canModerate: membership.isStaff,
    posts: thread.posts.map((post) => ({
      id: post.id,
      body: post.body,
      hidden: post.hidden,
      createdAt: post.createdAt,
      // Hiding keeps updatedAt, so a later updatedAt means the author edited the reply.
      edited: post.updatedAt.getTime() - post.createdAt.getTime() > 1000,
      author: { name: post.author.name, role: roleOf(post.author) },
      isAnswer: post.id === thread.answerPostId,
      canEdit: post.authorId === actor.id,
    })),
  };
}

export type ThreadDetail = Awaited<ReturnType<typeof getThread>>;
export type PostDetail = ThreadDetail["posts"][number];
