import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { type ReplyToThreadInput, ReplyToThreadSchema } from "./schemas";
import { getVisibleThread } from "./visibility";

/** Any member who can see the thread replies. A reply is the thread's latest activity (its updatedAt). */
export async function replyToThread(actor: Actor, input: ReplyToThreadInput) {
  const data = ReplyToThreadSchema.parse(input);
  const { thread } = await getVisibleThread(actor, data.threadId);
  return db.$transaction(async (tx) => {
    const post = await tx.post.create({ data: { threadId: thread.id, authorId: actor.id, body: data.body }, select: { id: true } });
    await tx.thread.update({ where: { id: thread.id }, data: { updatedAt: new Date() } });
    return { id: post.id, threadId: thread.id, courseId: thread.courseId, lessonId: thread.lessonId };
  });
}
