import { z } from "zod";
import { isRecord, jsonListOf, optionalNumberOf } from "@/lib/course/form-values";
import { IdSchema } from "@/lib/course/schemas";
import { LocalDateTimeSchema } from "@/lib/preclass/schemas";
import type { RubricLimits } from "@/lib/rubric/rubric";
import type { UploadMimeType } from "@/lib/uploads/file-types";

export const HOMEWORK_LIMITS = {
  title: 100,
  instructions: 20_000,
  text: 20_000,
  feedback: 10_000,
  criterionComment: 2000,
  maxFiles: 10,
  maxFileMb: 100,
  points: 1000,
  criteria: 10,
  levels: 6,
  criterionTitle: 100,
  levelTitle: 50,
  levelDescription: 300,
} as const;

/**
 * What a teacher may let students hand in. Plain archives (zip) are left out on purpose: a zip can carry anything,
 * including programs, and nobody can check or preview what is inside; docx/xlsx/pptx are zips too but are recognised
 * by their structure.
 */
export const HOMEWORK_FILE_TYPES = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  png: "image/png",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
} as const satisfies Record<string, UploadMimeType>;

export type HomeworkFileType = keyof typeof HOMEWORK_FILE_TYPES;
export const HOMEWORK_FILE_TYPE_KEYS = Object.keys(HOMEWORK_FILE_TYPES) as HomeworkFileType[];

export const isHomeworkFileType = (value: string): value is HomeworkFileType => value in HOMEWORK_FILE_TYPES;

const numberField = () =>
  z.number({
    error: (issue) =>
      issue.code === "invalid_type" ? (issue.input == null ? "validation.required" : "validation.invalid") : undefined,
  });

const percent = () => numberField().min(0).max(100);

/** Ids of rubric parts are short and given when missing (withIds), so a renamed criterion keeps its grades. */
const RubricIdSchema = z.string().trim().regex(/^[A-Za-z0-9_-]{1,32}$/, { error: "validation.invalid" });

const RubricLevelSchema = z.object({
  id: RubricIdSchema.optional(),
  title: z.string().trim().min(1).max(HOMEWORK_LIMITS.levelTitle),
  description: z.string().trim().max(HOMEWORK_LIMITS.levelDescription).default(""),
  points: numberField().min(0).max(HOMEWORK_LIMITS.points),
});

/** What the rubric editor lets a teacher type for homework; RubricCriterionSchema below checks the same. */
export const HOMEWORK_RUBRIC_LIMITS: RubricLimits = {
  criteria: HOMEWORK_LIMITS.criteria,
  levels: HOMEWORK_LIMITS.levels,
  criterionTitle: HOMEWORK_LIMITS.criterionTitle,
  levelTitle: HOMEWORK_LIMITS.levelTitle,
  description: HOMEWORK_LIMITS.levelDescription,
  points: HOMEWORK_LIMITS.points,
};

const RubricCriterionSchema = z.object({
  id: RubricIdSchema.optional(),
  title: z.string().trim().min(1).max(HOMEWORK_LIMITS.criterionTitle),
  levels: z.array(RubricLevelSchema).min(2).max(HOMEWORK_LIMITS.levels),
});

export const SaveHomeworkSchema = z.object({
  courseId: IdSchema,
  /** Left out to create. */
  homeworkId: IdSchema.optional(),
  title: z.string().trim().min(1).max(HOMEWORK_LIMITS.title),
  // Not trimmed: leading indentation is meaningful in Markdown.
  instructions: z.string().max(HOMEWORK_LIMITS.instructions).default(""),
  lessonId: IdSchema.nullish().transform((id) => id || null),
  assessmentItemId: IdSchema.nullish().transform((id) => id || null),
  /** Asia/Shanghai datetime-local. */
  dueAt: LocalDateTimeSchema,
  allowText: z.boolean(),
  allowFiles: z.boolean(),
  fileTypes: z
    .array(z.enum(HOMEWORK_FILE_TYPE_KEYS as [HomeworkFileType, ...HomeworkFileType[]]))
    .max(HOMEWORK_FILE_TYPE_KEYS.length)
    .transform((types) => [...new Set(types)]),
  maxFiles: numberField().int({ error: "validation.invalid" }).min(1).max(HOMEWORK_LIMITS.maxFiles),
  maxFileMb: numberField().int({ error: "validation.invalid" }).min(1).max(HOMEWORK_LIMITS.maxFileMb),
  latePolicy: z.enum(["NONE", "REJECT", "DEDUCT"]),
  lateRate: percent(),
  lateInterval: z.enum(["HOUR", "DAY"]),
  lateMaxDeduction: percent().nullable(),
  lateFloor: percent().nullable(),
  /** Ignored with a rubric: then the possible points are the sum of each criterion's best level. */
  points: numberField().gt(0).max(HOMEWORK_LIMITS.points),
  rubric: z.array(RubricCriterionSchema).min(1).max(HOMEWORK_LIMITS.criteria).nullable(),
});
export type SaveHomeworkInput = z.input<typeof SaveHomeworkSchema>;

const checked = (value: unknown) => value === true || value === "on" || value === "true";
const listOf = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The editor posts checkboxes as "on", numbers as text, file types as repeated fields and the rubric as JSON. */
export const SaveHomeworkFormSchema = z.preprocess(
  (raw) =>
    isRecord(raw)
      ? {
          ...raw,
          homeworkId: raw.homeworkId || undefined,
          // "No lesson" / "not in the gradebook" are empty options.
          lessonId: raw.lessonId || null,
          assessmentItemId: raw.assessmentItemId || null,
          allowText: checked(raw.allowText),
          allowFiles: checked(raw.allowFiles),
          fileTypes: listOf(raw["fileTypes[]"] ?? raw.fileTypes),
          maxFiles: optionalNumberOf(raw.maxFiles),
          maxFileMb: optionalNumberOf(raw.maxFileMb),
          lateRate: optionalNumberOf(raw.lateRate) ?? 0,
          lateMaxDeduction: optionalNumberOf(raw.lateMaxDeduction),
          lateFloor: optionalNumberOf(raw.lateFloor),
          points: optionalNumberOf(raw.points),
          rubric: jsonListOf(raw.rubric),
        }
      : raw,
  SaveHomeworkSchema,
);

export const HomeworkRefSchema = z.object({ homeworkId: IdSchema });
export type HomeworkRefInput = z.input<typeof HomeworkRefSchema>;

export const ReleaseGradesSchema = z.object({
  homeworkId: IdSchema,
  released: z.preprocess((value) => value === true || value === "true", z.boolean()),
});
export type ReleaseGradesInput = z.input<typeof ReleaseGradesSchema>;

export const GrantExtensionSchema = z.object({
  homeworkId: IdSchema,
  userId: IdSchema,
  dueAt: LocalDateTimeSchema,
});
export type GrantExtensionInput = z.input<typeof GrantExtensionSchema>;

export const RemoveExtensionSchema = z.object({ homeworkId: IdSchema, userId: IdSchema });
export type RemoveExtensionInput = z.input<typeof RemoveExtensionSchema>;

export const GradeSubmissionSchema = z.object({
  submissionId: IdSchema,
  /** Rubric grading: the level picked for each criterion. */
  rubricLevels: z.record(RubricIdSchema, RubricIdSchema).nullable().default(null),
  /** Rubric grading: a plain-text comment on each criterion (blank ones are not kept). */
  criterionComments: z.record(RubricIdSchema, z.string().trim().max(HOMEWORK_LIMITS.criterionComment)).default({}),
  /** Points grading (no rubric). */
  points: numberField().min(0).max(HOMEWORK_LIMITS.points).nullable().default(null),
  feedback: z.string().max(HOMEWORK_LIMITS.feedback).default(""),
});
export type GradeSubmissionInput = z.input<typeof GradeSubmissionSchema>;

const LEVEL_FIELD = "level.";
const COMMENT_FIELD = "comment.";

/**
 * The grading form posts, per criterion, a radio group `level.<criterionId>` and a comment box
 * `comment.<criterionId>`; points come as text.
 */
export const GradeSubmissionFormSchema = z.preprocess((raw) => {
  if (!isRecord(raw)) return raw;
  const byCriterion = (prefix: string) =>
    Object.fromEntries(Object.entries(raw).filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key.slice(prefix.length), value]));
  const rubric = raw.rubric === "true";
  return {
    ...raw,
    rubricLevels: rubric ? byCriterion(LEVEL_FIELD) : null,
    criterionComments: rubric ? byCriterion(COMMENT_FIELD) : {},
    points: rubric ? null : optionalNumberOf(raw.points),
  };
}, GradeSubmissionSchema);

export const levelFieldOf = (criterionId: string) => `${LEVEL_FIELD}${criterionId}`;
export const commentFieldOf = (criterionId: string) => `${COMMENT_FIELD}${criterionId}`;
/** Where a criterion comment's field errors land (the zod path of GradeSubmissionSchema). */
export const commentErrorKeyOf = (criterionId: string) => `criterionComments.${criterionId}`;

export const SubmitHomeworkSchema = z.object({
  homeworkId: IdSchema,
  // Not trimmed: Markdown; emptiness is judged on the trimmed text.
  text: z.string().max(HOMEWORK_LIMITS.text).default(""),
  /** Files of the current submission to keep; the others are removed. */
  keepFileIds: z.array(IdSchema).max(HOMEWORK_LIMITS.maxFiles).default([]),
});
export type SubmitHomeworkInput = z.input<typeof SubmitHomeworkSchema> & {
  /** New files, as uploaded. */
  files?: { fileName: string; bytes: Uint8Array }[];
};
