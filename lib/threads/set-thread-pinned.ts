import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { assertStaff } from "./membership";
import { type SetThreadPinnedInput, SetThreadPinnedSchema } from "./schemas";
import { getVisibleThread } from "./visibility";

/** Staff pin a thread to the top of the lists. Moderation is not activity: the thread keeps its updatedAt. */
export async function setThreadPinned(actor: Actor, input: SetThreadPinnedInput) {
  const data = SetThreadPinnedSchema.parse(input);
  const { thread, membership } = await getVisibleThread(actor, data.threadId);
  assertStaff(membership);
  await db.thread.update({ where: { id: thread.id }, data: { pinned: data.pinned, updatedAt: thread.updatedAt } });
  return { threadId: thread.id, courseId: thread.courseId, lessonId: thread.lessonId };
}
