import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertStaff } from "./membership";
import { type MarkAnswerInput, MarkAnswerSchema } from "./schemas";
import { getVisiblePost } from "./visibility";

/**
 * Staff mark one reply as the thread's answer (replacing any earlier one), or take the mark away. A hidden reply
 * cannot become the answer: students would be told there is an answer they cannot read.
 */
export async function markAnswer(actor: Actor, input: MarkAnswerInput) {
  const data = MarkAnswerSchema.parse(input);
  const { post, thread, membership } = await getVisiblePost(actor, data.postId);
  assertStaff(membership);
  if (data.answer && post.hidden) throw new AppError("threads.answer_hidden");
  const answerPostId = data.answer ? post.id : thread.answerPostId === post.id ? null : thread.answerPostId;
  await db.thread.update({ where: { id: thread.id }, data: { answerPostId, updatedAt: thread.updatedAt } });
  return { threadId: thread.id, courseId: thread.courseId, lessonId: thread.lessonId };
}
