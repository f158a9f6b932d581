import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type EditThreadInput, EditThreadSchema } from "./schemas";
import { getVisibleThread } from "./visibility";

/** The author edits their thread's title and opening post. Edits are not activity: the thread keeps its place. */
export async function editThread(actor: Actor, input: EditThreadInput) {
  const data = EditThreadSchema.parse(input);
  const { thread } = await getVisibleThread(actor, data.threadId);
  if (thread.authorId !== actor.id) throw new AppError("auth.forbidden");
  await db.thread.update({ where: { id: thread.id }, data: { title: data.title, body: data.body, updatedAt: thread.updatedAt } });
  return { threadId: thread.id, courseId: thread.courseId, lessonId: thread.lessonId };
}
