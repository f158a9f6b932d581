import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type CourseMembership, getCourseMembership } from "./membership";

/**
 * The threads of one course the actor may see. Students: course-wide threads and those of their current 小组, never
 * hidden ones (their own included). Staff: all of the course's threads, hidden ones too (shown greyed).
 */
export function threadVisibleTo(membership: CourseMembership): Prisma.ThreadWhereInput {
  if (membership.isStaff) return { courseId: membership.courseId };
  return {
    courseId: membership.courseId,
    hidden: false,
    OR: [{ groupId: null }, ...(membership.groupId ? [{ groupId: membership.groupId }] : [])],
  };
}

/** Replies within a visible thread: students do not see hidden ones. */
export const postVisibleTo = (membership: CourseMembership): Prisma.PostWhereInput =>
  membership.isStaff ? {} : { hidden: false };

const THREAD_ACCESS_SELECT = {
  id: true,
  courseId: true,
  lessonId: true,
  authorId: true,
  answerPostId: true,
  updatedAt: true,
} satisfies Prisma.ThreadSelect;

/** A thread the actor may see, with their membership in its course. not_found otherwise. */
export async function getVisibleThread(actor: Actor, threadId: string) {
  const row = await db.thread.findUnique({ where: { id: threadId }, select: { courseId: true } });
  if (!row) throw new AppError("not_found");
  const membership = await getCourseMembership(actor, row.courseId);
  const thread = await db.thread.findFirst({ where: { id: threadId, ...threadVisibleTo(membership) }, select: THREAD_ACCESS_SELECT });
  if (!thread) throw new AppError("not_found");
  return { thread, membership };
}

/** A reply the actor may see (in a thread they may see), with its thread and their membership. */
export async function getVisiblePost(actor: Actor, postId: string) {
  const row = await db.post.findUnique({ where: { id: postId }, select: { threadId: true } });
  if (!row) throw new AppError("not_found");
  const { thread, membership } = await getVisibleThread(actor, row.threadId);
  const post = await db.post.findFirst({
    where: { id: postId, ...postVisibleTo(membership) },
    select: { id: true, authorId: true, hidden: true, updatedAt: true },
  });
  if (!post) throw new AppError("not_found");
  return { post, thread, membership };
}
