import { z } from "zod";
import { IdSchema } from "@/lib/course/schemas";
import { LIVE_LIMITS } from "./limits";

export { LIVE_LIMITS };

// PostgreSQL refuses NUL in text, and lone UTF-16 surrogates cannot be stored as JSON; a client could send either.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const storableText = () => z.string().transform((text) => text.replace(/\u0000/g, "").replace(LONE_SURROGATE, "\uFFFD").trim());

export const TOPIC_KINDS = ["DISCUSSION", "POLL_SINGLE", "POLL_MULTIPLE"] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];

export const isPoll = (kind: TopicKind) => kind !== "DISCUSSION";

export const LessonRefSchema = z.object({ lessonId: IdSchema });
export type LessonRefInput = z.input<typeof LessonRefSchema>;

export const TopicRefSchema = z.object({ topicId: IdSchema });
export type TopicRefInput = z.input<typeof TopicRefSchema>;

export const OpenSignInSchema = z.object({
  lessonId: IdSchema,
  /** Check-ins this many minutes after opening count as late. */
  lateAfterMinutes: z.coerce.number().int().min(0).max(LIVE_LIMITS.maxLateAfterMinutes).default(5),
});
export type OpenSignInInput = z.input<typeof OpenSignInSchema>;

export const CheckInSchema = z.object({
  lessonId: IdSchema,
  // Checked against the six-digit format in checkIn, so that a mistyped code gets the same message as a wrong one.
  code: z.string().max(32),
});
export type CheckInInput = z.input<typeof CheckInSchema>;

export const OpenTopicSchema = z
  .object({
    lessonId: IdSchema,
    kind: z.enum(TOPIC_KINDS),
    prompt: storableText().pipe(z.string().min(1).max(LIVE_LIMITS.prompt)),
    /** Ignored for discussions; a poll needs 2–8 distinct ones (checked in openTopic, with its own error code). */
    options: z.array(storableText().pipe(z.string().max(LIVE_LIMITS.option))).max(LIVE_LIMITS.maxOptions * 2).default([]),
    liveResults: z.boolean().default(true),
    anonymous: z.boolean().default(false),
  })
  .transform((topic) => ({
    ...topic,
    // Blank rows of the option editor are not options.
    options: isPoll(topic.kind) ? topic.options.filter(Boolean) : [],
  }));
export type OpenTopicInput = z.input<typeof OpenTopicSchema>;

export const AnswerTopicSchema = z.object({
  topicId: IdSchema,
  text: storableText().pipe(z.string().max(LIVE_LIMITS.answer)).default(""),
  /** Option indexes for polls. */
  choices: z.array(z.number().int().min(0).max(LIVE_LIMITS.maxOptions - 1)).max(LIVE_LIMITS.maxOptions).default([]),
  /** Set to edit one's own discussion answer instead of adding another. */
  answerId: IdSchema.optional(),
});
export type AnswerTopicInput = z.input<typeof AnswerTopicSchema>;

export const HighlightAnswerSchema = z.object({ answerId: IdSchema, highlighted: z.boolean().default(true) });
export type HighlightAnswerInput = z.input<typeof HighlightAnswerSchema>;

export const ReplyToAnswerSchema = z.object({
  answerId: IdSchema,
  /** Blank removes the reply. */
  reply: storableText().pipe(z.string().max(LIVE_LIMITS.reply)),
});
export type ReplyToAnswerInput = z.input<typeof ReplyToAnswerSchema>;
