import { z } from "zod";
import { isRecord, jsonListOf, optionalNumberOf } from "./form-values";

/** Ids are cuids; anything else simply matches no row and ends as not_found. */
export const IdSchema = z.string().trim().min(1).max(64);

/** A number field: null or blank → "required", text → "invalid"; range errors keep their own codes. */
const numberField = () =>
  z.number({
    error: (issue) =>
      issue.code === "invalid_type" ? (issue.input == null ? "validation.required" : "validation.invalid") : undefined,
  });

export const INTRO_LIMITS = {
  description: 2000,
  syllabus: 50_000,
  objectives: 30,
  objective: 500,
  assessments: 12,
  assessmentName: 50,
  assessmentDescription: 200,
  credits: 30,
  hours: 1000,
} as const;

export const AssessmentItemSchema = z.object({
  /** A saved item's id; new items have none. */
  id: IdSchema.optional(),
  name: z.string().trim().min(1).max(INTRO_LIMITS.assessmentName),
  weight: numberField().int({ error: "validation.invalid" }).min(0).max(100),
  description: z.string().trim().max(INTRO_LIMITS.assessmentDescription).default(""),
});

export const UpdateCourseIntroSchema = z.object({
  courseId: IdSchema,
  description: z.string().trim().max(INTRO_LIMITS.description),
  // Not trimmed: leading indentation is meaningful in Markdown.
  syllabus: z.string().max(INTRO_LIMITS.syllabus),
  credits: numberField().min(0).max(INTRO_LIMITS.credits).nullable(),
  hours: numberField().int({ error: "validation.invalid" }).min(0).max(INTRO_LIMITS.hours).nullable(),
  objectives: z.array(z.string().trim().min(1).max(INTRO_LIMITS.objective)).max(INTRO_LIMITS.objectives),
  assessments: z.array(AssessmentItemSchema).max(INTRO_LIMITS.assessments),
});
export type UpdateCourseIntroInput = z.input<typeof UpdateCourseIntroSchema>;

/** The intro form's fields: lists arrive as JSON, numbers as text. */
export const UpdateCourseIntroFormSchema = z.preprocess(
  (raw) =>
    isRecord(raw)
      ? {
          ...raw,
          credits: optionalNumberOf(raw.credits),
          hours: optionalNumberOf(raw.hours),
          objectives: jsonListOf(raw.objectives),
          assessments: jsonListOf(raw.assessments),
        }
      : raw,
  UpdateCourseIntroSchema,
);

/** The weights of a scheme add up to exactly 100; an empty scheme means "not defined yet" and is allowed. */
export const weightsAreComplete = (items: readonly { weight: number }[]): boolean =>
  items.length === 0 || items.reduce((sum, item) => sum + item.weight, 0) === 100;
