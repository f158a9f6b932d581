import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { assertStaff } from "./membership";
import { type SetHiddenInput, SetHiddenSchema } from "./schemas";
import { getVisiblePost, getVisibleThread } from "./visibility";

/**
 * Staff hide a thread or a reply: students no longer see it, staff still do (greyed, "已隐藏"). Reversible.
 * Hiding keeps the row's updatedAt (a thread's place in the list, a reply's "edited" mark).
 */
export async function setHidden(actor: Actor, input: SetHiddenInput) {
  const data = SetHiddenSchema.parse(input);
  if (data.kind === "thread") {
    const { thread, membership } = await getVisibleThread(actor, data.id);
    assertStaff(membership);
    await db.thread.update({ where: { id: thread.id }, data: { hidden: data.hidden, updatedAt: thread.updatedAt } });
    return { threadId: thread.id, courseId: thread.courseId, lessonId: thread.lessonId };
  }
  const { post, thread, membership } = await getVisiblePost(actor, data.id);
  assertStaff(membership);
  await db.post.update({ where: { id: post.id }, data: { hidden: data.hidden, updatedAt: post.updatedAt } });
  return { threadId: thread.id, courseId: thread.courseId, lessonId: thread.lessonId };
}
