import { z } from "zod";
import { isRecord, jsonListOf } from "@/lib/course/form-values";
import { IdSchema } from "@/lib/course/schemas";
import { TIME_PATTERN, isCalendarDate } from "./local-time";

export const LESSON_LIMITS = { title: 100, room: 50, summary: 2000, objectives: 10, objective: 300 } as const;

/**
 * An objective keeps its id across edits: students' confidence ratings and lesson-plan versions point at it, so a
 * corrected wording must not turn it into a new objective. New objectives come without an id.
 */
export const LessonObjectiveSchema = z.object({
  id: IdSchema.optional(),
  text: z.string().trim().min(1).max(LESSON_LIMITS.objective),
});

const LessonFieldsSchema = z.object({
  courseId: IdSchema,
  title: z.string().trim().min(1).max(LESSON_LIMITS.title),
  /** Asia/Shanghai calendar day, YYYY-MM-DD */
  date: z.string().trim().min(1, { abort: true }).refine(isCalendarDate, { error: "validation.invalid_format" }),
  /** Asia/Shanghai wall-clock time, HH:mm */
  startTime: z.string().trim().min(1, { abort: true }).regex(TIME_PATTERN, { error: "validation.invalid_format" }),
  endTime: z.string().trim().min(1, { abort: true }).regex(TIME_PATTERN, { error: "validation.invalid_format" }),
  room: z.string().trim().max(LESSON_LIMITS.room).default(""),
  summary: z.string().trim().max(LESSON_LIMITS.summary).default(""),
  objectives: z.array(LessonObjectiveSchema).max(LESSON_LIMITS.objectives).default([]),
});

export const CreateLessonSchema = LessonFieldsSchema;
export type CreateLessonInput = z.input<typeof CreateLessonSchema>;

export const UpdateLessonSchema = LessonFieldsSchema.extend({ lessonId: IdSchema });
export type UpdateLessonInput = z.input<typeof UpdateLessonSchema>;

export const LessonRefSchema = z.object({ courseId: IdSchema, lessonId: IdSchema });
export type LessonRefInput = z.input<typeof LessonRefSchema>;

export const MoveLessonSchema = LessonRefSchema.extend({ direction: z.enum(["up", "down"]) });
export type MoveLessonInput = z.input<typeof MoveLessonSchema>;

/** The lesson form posts its objectives as one JSON field. */
const withJsonObjectives = (raw: unknown) => (isRecord(raw) ? { ...raw, objectives: jsonListOf(raw.objectives) } : raw);

export const CreateLessonFormSchema = z.preprocess(withJsonObjectives, CreateLessonSchema);
export const UpdateLessonFormSchema = z.preprocess(withJsonObjectives, UpdateLessonSchema);
