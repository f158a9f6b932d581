import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { getCourseMembership } from "./membership";
import { type ListThreadsInput, ListThreadsSchema, THREAD_LIMITS } from "./schemas";
import { postVisibleTo, threadVisibleTo } from "./visibility";

/** A course's threads (or one lesson's), pinned first, then by latest activity; counts only replies the actor sees. */
export async function listThreads(actor: Actor, input: ListThreadsInput) {
  const data = ListThreadsSchema.parse(input);
  const membership = await getCourseMembership(actor, data.courseId);
  const where: Prisma.ThreadWhereInput = { AND: [threadVisibleTo(membership), data.lessonId ? { lessonId: data.lessonId } : {}] };
  const [total, rows] = await Promise.all([
    db.thread.count({ where }),
    db.thread.findMany({
      where,
      orderBy: [{ pinned: "desc" }, { updatedAt: "desc" }, { id: "desc" }],
      skip: (data.page - 1) * THREAD_LIMITS.pageSize,
      take: THREAD_LIMITS.pageSize,
      select: {
        id: true,
        title: true,
        pinned: true,
        hidden: true,
        caseId: true,
        createdAt: true,
        updatedAt: true,
        author: { select: { name: true } },
        group: { select: { name: true } },
        lesson: { select: { id: true, position: true, title: true } },
        answer: { select: { hidden: true } },
        _count: { select: { posts: { where: postVisibleTo(membership) } } },
      },
    }),
  ]);
  const items = rows.map(({ answer, _count, ...thread }) => ({
    ...thread,
    replyCount: _count.posts,
    answered: !!answer && (membership.isStaff || !answer.hidden),
  }));
  return {
    items,
    total,
    page: data.page,
    pageCount: Math.max(1, Math.ceil(total / THREAD_LIMITS.pageSize)),
    canModerate: membership.isStaff,
  };
}

export type ThreadList = Awaited<ReturnType<typeof listThreads>>;
export type ThreadListItem = ThreadList["items"][number];
