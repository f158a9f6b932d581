import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { authorizeFeedback } from "./authorize-feedback";
import { type TagFeedbackInput, TagFeedbackSchema } from "./schemas";

/** Takes a label off a feedback item; removing a label it does not have changes nothing. */
export async function untagFeedback(actor: Actor, input: TagFeedbackInput): Promise<{ lessonId: string }> {
  const { feedbackId, label } = TagFeedbackSchema.parse(input);
  const { lessonId } = await authorizeFeedback(actor, feedbackId, "course.edit");
  await db.feedbackTag.deleteMany({ where: { feedbackId, label } });
  return { lessonId };
}
