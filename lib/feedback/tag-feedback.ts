import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError, prismaCodeOf } from "@/lib/errors";
import { authorizeFeedback } from "./authorize-feedback";
import { FEEDBACK_LIMITS, type TagFeedbackInput, TagFeedbackSchema } from "./schemas";

/**
 * Puts a teacher's label on a feedback item so that similar points can be read together. Adding a label the item
 * already has changes nothing. Tags organise how the lesson is adjusted, so they need course.edit.
 */
export async function tagFeedback(actor: Actor, input: TagFeedbackInput): Promise<{ lessonId: string }> {
  const { feedbackId, label } = TagFeedbackSchema.parse(input);
  const { lessonId } = await authorizeFeedback(actor, feedbackId, "course.edit");
  const labels = await db.feedbackTag.findMany({ where: { feedbackId }, select: { label: true } });
  if (labels.some((tag) => tag.label === label)) return { lessonId };
  if (labels.length >= FEEDBACK_LIMITS.tagsPerItem) throw new AppError("feedback.too_many_tags");
  try {
    await db.feedbackTag.create({ data: { feedbackId, label } });
  } catch (error) {
    // Someone added the same label a moment ago: the item has it, which is what was asked.
    if (prismaCodeOf(error) !== "P2002") throw error;
  }
  return { lessonId };
}
