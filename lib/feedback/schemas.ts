import { z } from "zod";
import { IdSchema } from "@/lib/course/schemas";

export const FEEDBACK_LIMITS = { tagLabel: 30, tagsPerItem: 10 } as const;

/** Mean confidence below this marks an objective as one the class is unsure about. */
export const LOW_CONFIDENCE_MEAN = 3;

export const TagLabelSchema = z.string().trim().min(1).max(FEEDBACK_LIMITS.tagLabel);

export const FeedbackSummaryQuerySchema = z.object({
  lessonId: IdSchema,
  /** Show only the feedback items carrying this tag. */
  tag: TagLabelSchema.optional(),
});
export type FeedbackSummaryQuery = z.input<typeof FeedbackSummaryQuerySchema>;

export const TagFeedbackSchema = z.object({ feedbackId: IdSchema, label: TagLabelSchema });
export type TagFeedbackInput = z.input<typeof TagFeedbackSchema>;
