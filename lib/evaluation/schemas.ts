import { z } from "zod";
import { isRecord, jsonListOf } from "@/lib/course/form-values";
import { IdSchema } from "@/lib/course/schemas";
import { LocalDateTimeSchema } from "@/lib/preclass/schemas";

export const EVALUATION_LIMITS = { title: 100, items: 10, itemText: 100, comment: 1000 } as const;

/** Teachers see nothing of an evaluation but its response count until this many students have answered. */
export const MIN_RESPONSES = 5;

/** The item the department's overview reports (总体满意度); it keeps this id when the teacher rewords it. */
export const OVERALL_ITEM_ID = "overall";

/** The usual 评教 items a new evaluation starts with; the teacher may reword, add, remove and reorder them. */
export const DEFAULT_EVALUATION_ITEMS = [
  { id: "clarity", text: "教学内容组织清晰，重点突出" },
  { id: "materials", text: "课前预习材料与病例对学习有帮助" },
  { id: "interaction", text: "课堂讨论与互动充分" },
  { id: "feedback", text: "老师重视并采纳了学生的反馈" },
  { id: OVERALL_ITEM_ID, text: "总体而言，我对本课程感到满意" },
] as const;

const ITEM_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** An item keeps its id across edits; new items come without one. */
export const EvaluationItemSchema = z.object({
  id: z.string().regex(ITEM_ID).optional(),
  text: z.string().trim().min(1).max(EVALUATION_LIMITS.itemText),
});

const ItemsSchema = z
  .array(EvaluationItemSchema)
  .min(1)
  .max(EVALUATION_LIMITS.items)
  .refine((items) => {
    const ids = items.flatMap((item) => (item.id ? [item.id] : []));
    return new Set(ids).size === ids.length;
  }, { error: "validation.invalid" });

/** The rating items as stored in Evaluation.items. */
export const StoredItemsSchema = z.array(z.object({ id: z.string(), text: z.string() }));
export type EvaluationItem = z.infer<typeof StoredItemsSchema>[number];

const WindowFields = {
  title: z.string().trim().min(1).max(EVALUATION_LIMITS.title),
  items: ItemsSchema,
  /** Asia/Shanghai wall-clock time of a datetime-local field. */
  opensAt: LocalDateTimeSchema,
  closesAt: LocalDateTimeSchema,
};

export const CreateEvaluationSchema = z.object({
  courseId: IdSchema,
  /** Blank: an evaluation of the whole course. */
  lessonId: IdSchema.nullish().or(z.literal("")).transform((id) => id || null),
  ...WindowFields,
});
export type CreateEvaluationInput = z.input<typeof CreateEvaluationSchema>;

/** The lesson an evaluation is about is fixed when it is created. */
export const UpdateEvaluationSchema = z.object({ evaluationId: IdSchema, ...WindowFields });
export type UpdateEvaluationInput = z.input<typeof UpdateEvaluationSchema>;

/** The evaluation form posts its items as one JSON field. */
const withJsonItems = (raw: unknown) => (isRecord(raw) ? { ...raw, items: jsonListOf(raw.items) } : raw);
export const CreateEvaluationFormSchema = z.preprocess(withJsonItems, CreateEvaluationSchema);
export const UpdateEvaluationFormSchema = z.preprocess(withJsonItems, UpdateEvaluationSchema);

export const ItemRatingSchema = z.object({
  itemId: z.string().regex(ITEM_ID),
  rating: z.number({ error: "validation.required" }).int({ error: "validation.invalid" }).min(1).max(5),
});

export const SubmitEvaluationSchema = z.object({
  evaluationId: IdSchema,
  ratings: z
    .array(ItemRatingSchema)
    .max(EVALUATION_LIMITS.items)
    .refine((ratings) => new Set(ratings.map((r) => r.itemId)).size === ratings.length, { error: "validation.invalid" }),
  comment: z.string().trim().max(EVALUATION_LIMITS.comment).default(""),
});
export type SubmitEvaluationInput = z.input<typeof SubmitEvaluationSchema>;

const RATING_FIELD = "rating.";

/** The answer form's radio groups are named `rating.<itemId>` with values 1–5. */
export const SubmitEvaluationFormSchema = z.preprocess((raw) => {
  if (!isRecord(raw)) return raw;
  const ratings = Object.entries(raw)
    .filter(([key]) => key.startsWith(RATING_FIELD))
    .map(([key, value]) => ({ itemId: key.slice(RATING_FIELD.length), rating: Number(value) }));
  return { ...raw, ratings };
}, SubmitEvaluationSchema);

export const ratingFieldOf = (itemId: string) => `${RATING_FIELD}${itemId}`;
