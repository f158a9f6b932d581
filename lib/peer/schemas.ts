import { z } from "zod";
import { isRecord, jsonListOf, optionalNumberOf } from "@/lib/course/form-values";
import { IdSchema } from "@/lib/course/schemas";
import { LocalDateTimeSchema } from "@/lib/preclass/schemas";
import { RUBRIC_LIMITS, RubricSchema } from "@/lib/rubric/rubric";
import type { UploadMimeType } from "@/lib/uploads/file-types";

export const PEER_LIMITS = {
  title: 100,
  instructions: 20_000,
  text: 20_000,
  maxReviews: 10,
  maxFiles: 10,
  examples: 3,
  flagReason: 1000,
  overrideNote: 500,
  comment: RUBRIC_LIMITS.comment,
} as const;

export const PEER_PHASES = ["SETUP", "SUBMISSION", "ASSESSMENT", "GRADING", "CLOSED"] as const;
export type PeerPhase = (typeof PEER_PHASES)[number];

/**
 * What students may hand in: PDF and photos of handwritten work. Office documents are left out on purpose: they carry
 * the author's name in docProps/core.xml, which would unmask the author in a double-blind review (see
 * strip-metadata.ts for what is removed from these three).
 */
export const PEER_FILE_TYPES = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  png: "image/png",
} as const satisfies Record<string, UploadMimeType>;
export type PeerFileType = keyof typeof PEER_FILE_TYPES;
export const PEER_FILE_TYPE_KEYS = Object.keys(PEER_FILE_TYPES) as [PeerFileType, ...PeerFileType[]];
export const isPeerFileType = (value: string): value is PeerFileType => value in PEER_FILE_TYPES;

const numberField = () =>
  z.number({
    error: (issue) => (issue.code === "invalid_type" ? (issue.input == null ? "validation.required" : "validation.invalid") : undefined),
  });
const intField = (min: number, max: number) => numberField().int({ error: "validation.invalid" }).min(min).max(max);
const optionalDate = () => z.union([LocalDateTimeSchema, z.literal("")]).nullish().transform((value) => value || null);

export const SavePeerReviewSchema = z.object({
  courseId: IdSchema,
  /** Left out to create. */
  activityId: IdSchema.optional(),
  title: z.string().trim().min(1).max(PEER_LIMITS.title),
  // Not trimmed: leading indentation is meaningful in Markdown.
  instructions: z.string().max(PEER_LIMITS.instructions).default(""),
  lessonId: IdSchema.nullish().transform((id) => id || null),
  assessmentItemId: IdSchema.nullish().transform((id) => id || null),
  autoSwitch: z.boolean(),
  /** Asia/Shanghai datetime-local values; any may be left empty (then that phase switches by hand). */
  submissionOpensAt: optionalDate(),
  submissionClosesAt: optionalDate(),
  assessmentClosesAt: optionalDate(),
  reviewsPerSubmission: intField(1, PEER_LIMITS.maxReviews),
  selfAssessment: z.boolean(),
  excludeOwnGroup: z.boolean(),
  anonymity: z.enum(["DOUBLE_BLIND", "REVIEWERS_ANONYMOUS", "OPEN"]),
  aggregation: z.enum(["MEAN", "MEDIAN_FROM_4"]),
  submissionWeight: intField(0, 100),
  rubric: RubricSchema,
  calibrationRequired: z.boolean(),
  calibrationThreshold: intField(0, 100).nullable(),
  allowText: z.boolean(),
  allowFiles: z.boolean(),
  fileTypes: z.array(z.enum(PEER_FILE_TYPE_KEYS)).max(PEER_FILE_TYPE_KEYS.length).transform((types) => [...new Set(types)]),
  maxFiles: intField(1, PEER_LIMITS.maxFiles),
});
export type SavePeerReviewInput = z.input<typeof SavePeerReviewSchema>;
export type SavePeerReviewData = z.output<typeof SavePeerReviewSchema>;

const checked = (value: unknown) => value === true || value === "on" || value === "true";
const listOf = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The setup form posts checkboxes as "on", numbers as text, file types as repeated fields and the rubric as JSON. */
export const SavePeerReviewFormSchema = z.preprocess(
  (raw) =>
    isRecord(raw)
      ? {
          ...raw,
          activityId: raw.activityId || undefined,
          // "None" is an empty option of the lesson and gradebook selects.
          lessonId: raw.lessonId || null,
          assessmentItemId: raw.assessmentItemId || null,
          autoSwitch: checked(raw.autoSwitch),
          selfAssessment: checked(raw.selfAssessment),
          excludeOwnGroup: checked(raw.excludeOwnGroup),
          calibrationRequired: checked(raw.calibrationRequired),
          allowText: checked(raw.allowText),
          allowFiles: checked(raw.allowFiles),
          fileTypes: listOf(raw["fileTypes[]"] ?? raw.fileTypes),
          reviewsPerSubmission: optionalNumberOf(raw.reviewsPerSubmission),
          submissionWeight: optionalNumberOf(raw.submissionWeight),
          calibrationThreshold: optionalNumberOf(raw.calibrationThreshold),
          maxFiles: optionalNumberOf(raw.maxFiles),
          rubric: jsonListOf(raw.rubric),
        }
      : raw,
  SavePeerReviewSchema,
);

export const ActivityRefSchema = z.object({ activityId: IdSchema });
export type ActivityRefInput = z.input<typeof ActivityRefSchema>;

export const SwitchPhaseSchema = z.object({ activityId: IdSchema, phase: z.enum(PEER_PHASES) });
export type SwitchPhaseInput = z.input<typeof SwitchPhaseSchema>;

export const SaveExampleSchema = z.object({
  activityId: IdSchema,
  /** Left out to add one. */
  exampleId: IdSchema.optional(),
  text: z.string().max(PEER_LIMITS.text).refine((text) => text.trim().length > 0, { error: "validation.required" }),
});
export type SaveExampleInput = z.input<typeof SaveExampleSchema>;
export const SaveExampleFormSchema = z.preprocess((raw) => (isRecord(raw) ? { ...raw, exampleId: raw.exampleId || undefined } : raw), SaveExampleSchema);

export const ExampleRefSchema = z.object({ exampleId: IdSchema });
export type ExampleRefInput = z.input<typeof ExampleRefSchema>;

const LevelsSchema = z.record(z.string().max(40), z.string().max(40));
const CommentsSchema = z.record(z.string().max(40), z.string().max(PEER_LIMITS.comment));

/** A rubric assessment: one level per scored criterion, comments per criterion; `submit` false saves a draft. */
export const SaveAssessmentSchema = z.object({
  assessmentId: IdSchema,
  levels: LevelsSchema.default({}),
  comments: CommentsSchema.default({}),
  submit: z.boolean().default(true),
});
export type SaveAssessmentInput = z.input<typeof SaveAssessmentSchema>;

/** The teacher's reference assessment of an example, or a student's calibration attempt at one. */
export const ExampleAssessmentSchema = z.object({
  exampleId: IdSchema,
  levels: LevelsSchema.default({}),
  comments: CommentsSchema.default({}),
});
export type ExampleAssessmentInput = z.input<typeof ExampleAssessmentSchema>;

const LEVEL_FIELD = "level.";
const COMMENT_FIELD = "comment.";

export const levelFieldOf = (criterionId: string) => `${LEVEL_FIELD}${criterionId}`;
export const commentFieldOf = (criterionId: string) => `${COMMENT_FIELD}${criterionId}`;

/** The rubric form posts one radio group `level.<criterionId>` and one textarea `comment.<criterionId>` each. */
function rubricFieldsOf(raw: Record<string, unknown>) {
  const pick = (prefix: string) =>
    Object.fromEntries(
      Object.entries(raw)
        .filter(([key, value]) => key.startsWith(prefix) && typeof value === "string" && value !== "")
        .map(([key, value]) => [key.slice(prefix.length), value]),
    );
  return { levels: pick(LEVEL_FIELD), comments: pick(COMMENT_FIELD) };
}

export const SaveAssessmentFormSchema = z.preprocess(
  (raw) => (isRecord(raw) ? { assessmentId: raw.assessmentId, submit: raw.intent !== "draft", ...rubricFieldsOf(raw) } : raw),
  SaveAssessmentSchema,
);

export const ExampleAssessmentFormSchema = z.preprocess(
  (raw) => (isRecord(raw) ? { exampleId: raw.exampleId, ...rubricFieldsOf(raw) } : raw),
  ExampleAssessmentSchema,
);

export const ReviewerChangeSchema = z.object({ submissionId: IdSchema, reviewerId: IdSchema });
export type ReviewerChangeInput = z.input<typeof ReviewerChangeSchema>;

export const RemoveReviewerSchema = z.object({ assessmentId: IdSchema });
export type RemoveReviewerInput = z.input<typeof RemoveReviewerSchema>;

export const OverrideGradeSchema = z.object({
  submissionId: IdSchema,
  /** null clears the override. */
  grade: numberField().min(0).max(100).nullable(),
  note: z.string().trim().max(PEER_LIMITS.overrideNote).default(""),
});
export type OverrideGradeInput = z.input<typeof OverrideGradeSchema>;
export const OverrideGradeFormSchema = z.preprocess(
  (raw) => (isRecord(raw) ? { ...raw, grade: optionalNumberOf(raw.grade) } : raw),
  OverrideGradeSchema,
);

export const FlagReviewSchema = z.object({
  assessmentId: IdSchema,
  reason: z.string().trim().min(1).max(PEER_LIMITS.flagReason),
});
export type FlagReviewInput = z.input<typeof FlagReviewSchema>;

export const ResolveFlagSchema = z.object({ assessmentId: IdSchema });
export type ResolveFlagInput = z.input<typeof ResolveFlagSchema>;

export const ReleaseSchema = z.object({
  activityId: IdSchema,
  released: z.preprocess((value) => value === true || value === "true", z.boolean()),
});
export type ReleaseInput = z.input<typeof ReleaseSchema>;

export const SubmitWorkSchema = z.object({
  activityId: IdSchema,
  // Not trimmed: Markdown; emptiness is judged on the trimmed text.
  text: z.string().max(PEER_LIMITS.text).default(""),
  /** Files of the current submission to keep; the others are removed. */
  keepFileIds: z.array(IdSchema).max(PEER_LIMITS.maxFiles).default([]),
});
export type SubmitWorkInput = z.input<typeof SubmitWorkSchema> & {
  /** New files, as uploaded. */
  files?: { fileName: string; bytes: Uint8Array }[];
};
