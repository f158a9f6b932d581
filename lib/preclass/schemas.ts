import { z } from "zod";
import { isRecord, jsonListOf } from "@/lib/course/form-values";
import { IdSchema } from "@/lib/course/schemas";
import { TIME_PATTERN, isCalendarDate } from "@/lib/lesson/local-time";

export const PRECLASS_LIMITS = {
  material: 50_000,
  caseTitle: 100,
  stages: 8,
  stageTitle: 50,
  stageContent: 10_000,
  question: 500,
  answer: 2000,
  unclear: 2000,
  questions: 2000,
  attachments: 10,
} as const;

/** The four stages a new case starts with (the teacher may rename, add, remove and reorder them). */
export const DEFAULT_STAGE_TITLES = ["主诉与现病史", "体格检查", "辅助检查", "诊断与治疗"] as const;

/** A stage keeps its id across edits so that students' answers to it survive a corrected typo. New stages have none. */
export const CaseStageSchema = z.object({
  id: IdSchema.optional(),
  title: z.string().trim().min(1).max(PRECLASS_LIMITS.stageTitle),
  // Not trimmed: leading indentation is meaningful in Markdown.
  content: z.string().max(PRECLASS_LIMITS.stageContent).default(""),
  /** Blank means the stage has no question and does not hold back the next one. */
  question: z
    .string()
    .trim()
    .max(PRECLASS_LIMITS.question)
    .nullish()
    .transform((question) => question || null),
});

export const ClinicalCaseSchema = z.object({
  title: z.string().trim().min(1).max(PRECLASS_LIMITS.caseTitle),
  /** The teacher's confirmation that no patient-identifying data is in the case; required to publish. */
  deidentified: z.boolean().default(false),
  stages: z.array(CaseStageSchema).min(1).max(PRECLASS_LIMITS.stages),
});
export type ClinicalCaseInput = z.input<typeof ClinicalCaseSchema>;

export const SavePackageSchema = z.object({
  lessonId: IdSchema,
  material: z.string().max(PRECLASS_LIMITS.material),
  /** Left out: the case is not touched. */
  case: ClinicalCaseSchema.nullable().optional(),
});
export type SavePackageInput = z.input<typeof SavePackageSchema>;

/** The prep form posts the case as one JSON field ("null" for no case). */
export const SavePackageFormSchema = z.preprocess(
  (raw) => (isRecord(raw) && "case" in raw ? { ...raw, case: jsonListOf(raw.case) } : raw),
  SavePackageSchema,
);

const LOCAL_DATETIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

/** The value of an `<input type="datetime-local">` (minutes), read as Asia/Shanghai wall-clock time. */
export const LocalDateTimeSchema = z
  .string()
  .trim()
  .min(1, { abort: true })
  .refine(
    (value) => {
      const match = LOCAL_DATETIME.exec(value);
      return !!match && isCalendarDate(match[1]) && TIME_PATTERN.test(match[2]);
    },
    { error: "validation.invalid_format" },
  );

export const PublishPackageSchema = z.object({
  lessonId: IdSchema,
  opensAt: LocalDateTimeSchema,
  closesAt: LocalDateTimeSchema,
});
export type PublishPackageInput = z.input<typeof PublishPackageSchema>;

export const LessonRefSchema = z.object({ lessonId: IdSchema });
export type LessonRefInput = z.input<typeof LessonRefSchema>;

export const AttachmentRefSchema = z.object({ attachmentId: IdSchema });
export type AttachmentRefInput = z.input<typeof AttachmentRefSchema>;

export const AnswerStageSchema = z.object({
  stageId: IdSchema,
  answer: z.string().trim().min(1).max(PRECLASS_LIMITS.answer),
});
export type AnswerStageInput = z.input<typeof AnswerStageSchema>;

export const FeedbackRatingSchema = z.object({
  objectiveId: IdSchema,
  confidence: z.number({ error: "validation.required" }).int({ error: "validation.invalid" }).min(1).max(5),
});

export const SubmitFeedbackSchema = z.object({
  lessonId: IdSchema,
  ratings: z
    .array(FeedbackRatingSchema)
    .max(50)
    .refine((ratings) => new Set(ratings.map((r) => r.objectiveId)).size === ratings.length, {
      error: "validation.invalid",
    }),
  unclear: z.string().trim().max(PRECLASS_LIMITS.unclear).default(""),
  questions: z.string().trim().max(PRECLASS_LIMITS.questions).default(""),
});
export type SubmitFeedbackInput = z.input<typeof SubmitFeedbackSchema>;

const RATING_FIELD = "rating.";

/** The form's radio groups are named `rating.<objectiveId>` with values 1–5. */
export const SubmitFeedbackFormSchema = z.preprocess((raw) => {
  if (!isRecord(raw)) return raw;
  const ratings = Object.entries(raw)
    .filter(([key]) => key.startsWith(RATING_FIELD))
    .map(([key, value]) => ({ objectiveId: key.slice(RATING_FIELD.length), confidence: Number(value) }));
  return { ...raw, ratings };
}, SubmitFeedbackSchema);

export const ratingFieldOf = (objectiveId: string) => `${RATING_FIELD}${objectiveId}`;
