import { z } from "zod";
import { isRecord } from "@/lib/course/form-values";
import { IdSchema } from "@/lib/course/schemas";
import { LESSON_LIMITS } from "@/lib/lesson/schemas";

export const PLAN_LIMITS = { content: 50_000, changeNote: 500, objectives: LESSON_LIMITS.objectives, feedback: 500 } as const;

export const SavePlanVersionSchema = z.object({
  lessonId: IdSchema,
  /** The version the editor started from (0 for the first plan): a save on top of a newer version is a conflict. */
  baseVersion: z.number().int().min(0),
  // Not trimmed (indentation is meaningful in Markdown); browsers post CRLF, which would show every line as changed.
  content: z
    .string()
    .transform((text) => text.replace(/\r\n?/g, "\n"))
    .pipe(z.string().max(PLAN_LIMITS.content).refine((text) => text.trim() !== "", { error: "validation.required" })),
  changeNote: z.string().trim().min(1).max(PLAN_LIMITS.changeNote),
  /** The lesson objectives this version addresses. */
  objectiveIds: z.array(IdSchema).max(PLAN_LIMITS.objectives).default([]),
  /** The students' feedback items that motivated it. */
  feedbackIds: z.array(IdSchema).max(PLAN_LIMITS.feedback).default([]),
});
export type SavePlanVersionInput = z.input<typeof SavePlanVersionSchema>;

/** Checkbox groups post nothing, one value or several; the version number comes as text. */
const fromForm = (raw: unknown) => {
  if (!isRecord(raw)) return raw;
  const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  const baseVersion = typeof raw.baseVersion === "string" && raw.baseVersion.trim() !== "" ? Number(raw.baseVersion) : raw.baseVersion;
  return { ...raw, baseVersion, objectiveIds: list(raw.objectiveIds), feedbackIds: list(raw.feedbackIds) };
};

export const SavePlanVersionFormSchema = z.preprocess(fromForm, SavePlanVersionSchema);

export const PlanVersionRefSchema = z.object({ lessonId: IdSchema, version: z.coerce.number().int().min(1).max(1_000_000) });
export type PlanVersionRef = z.input<typeof PlanVersionRefSchema>;
