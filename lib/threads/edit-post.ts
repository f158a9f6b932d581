import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type EditPostInput, EditPostSchema } from "./schemas";
import { getVisiblePost } from "./visibility";

/** Authors edit their own replies; nobody edits someone else's (staff hide instead). */
export async function editPost(actor: Actor, input: EditPostInput) {
  const data = EditPostSchema.parse(input);
  const { post, thread } = await getVisiblePost(actor, data.postId);
  if (post.authorId !== actor.id) throw new AppError("auth.forbidden");
  await db.post.update({ where: { id: post.id }, data: { body: data.body } });
  return { threadId: thread.id, courseId: thread.courseId, lessonId: thread.lessonId };
}
