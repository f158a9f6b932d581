import { z } from "zod";
import { isRecord, jsonListOf, optionalNumberOf } from "@/lib/course/form-values";
import { IdSchema } from "@/lib/course/schemas";
import { LocalDateTimeSchema } from "@/lib/preclass/schemas";
import { QUESTION_LIMITS } from "@/lib/qbank/question-shapes";

export const QUIZ_LIMITS = {
  title: 100,
  description: 5000,
  timeLimitMinutes: 600,
  attemptsAllowed: 20,
  /** Fixed questions plus drawn ones, per attempt. */
  questions: 200,
  draws: 20,
  drawCount: 100,
  points: 100,
  feedback: 2000,
} as const;

export const SCORING_RULES = ["HIGHEST", "LAST", "AVERAGE"] as const;
export const REVIEW_POLICIES = ["IMMEDIATELY", "AFTER_CLOSE", "NEVER"] as const;

/** A number field: null or blank → "required", text → "invalid"; range errors keep their own codes. */
const numberField = () =>
  z.number({
    error: (issue) =>
      issue.code === "invalid_type" ? (issue.input == null ? "validation.required" : "validation.invalid") : undefined,
  });

/** Points are kept to two decimals (½-point questions are common). */
const PointsSchema = numberField()
  .positive()
  .max(QUIZ_LIMITS.points)
  .transform((points) => Math.round(points * 100) / 100);

const intField = () => numberField().int({ error: "validation.invalid" });

const optionalId = z.union([z.literal(""), IdSchema]).nullish().transform((id) => id || null);
const optionalLocal = z.union([LocalDateTimeSchema, z.literal(""), z.null()]).optional().transform((value) => value || null);

/** Everything a teacher sets on a quiz besides its questions. Times are `datetime-local` values in Asia/Shanghai. */
export const QuizSettingsSchema = z.object({
  title: z.string().trim().min(1).max(QUIZ_LIMITS.title),
  description: z.string().max(QUIZ_LIMITS.description).default(""),
  lessonId: optionalId,
  assessmentItemId: optionalId,
  opensAt: optionalLocal,
  closesAt: optionalLocal,
  timeLimitMinutes: intField().min(1).max(QUIZ_LIMITS.timeLimitMinutes).nullable().default(null),
  attemptsAllowed: intField().min(1).max(QUIZ_LIMITS.attemptsAllowed).default(1),
  scoring: z.enum(SCORING_RULES).default("HIGHEST"),
  shuffleQuestions: z.boolean().default(false),
  shuffleOptions: z.boolean().default(false),
  review: z.enum(REVIEW_POLICIES).default("AFTER_CLOSE"),
  confidenceMarking: z.boolean().default(false),
  passPercent: intField().min(0).max(100).default(60),
});

export const CreateQuizSchema = QuizSettingsSchema.extend({ courseId: IdSchema });
export type CreateQuizInput = z.input<typeof CreateQuizSchema>;

export const UpdateQuizSchema = QuizSettingsSchema.extend({ quizId: IdSchema });
export type UpdateQuizInput = z.input<typeof UpdateQuizSchema>;

/** Checkboxes post "on" or nothing; numbers arrive as text. */
function settingsFromForm(raw: unknown): unknown {
  if (!isRecord(raw)) return raw;
  const checked = (name: string) => raw[name] === "on" || raw[name] === "true";
  const number = (name: string) => optionalNumberOf(raw[name]);
  return {
    ...raw,
    timeLimitMinutes: number("timeLimitMinutes"),
    attemptsAllowed: number("attemptsAllowed") ?? undefined,
    passPercent: number("passPercent") ?? undefined,
    shuffleQuestions: checked("shuffleQuestions"),
    shuffleOptions: checked("shuffleOptions"),
    confidenceMarking: checked("confidenceMarking"),
  };
}

export const CreateQuizFormSchema = z.preprocess(settingsFromForm, CreateQuizSchema);
export const UpdateQuizFormSchema = z.preprocess(settingsFromForm, UpdateQuizSchema);

export const QuizQuestionItemSchema = z.object({ questionId: IdSchema, points: PointsSchema });

/** A random draw: `count` questions of the bank with this tag and/or difficulty (neither: any question). */
export const QuizDrawSchema = z.object({
  tag: z
    .string()
    .trim()
    .max(QUESTION_LIMITS.tag)
    .nullish()
    .transform((tag) => tag || null),
  difficulty: intField().min(1).max(5).nullish().transform((d) => d ?? null),
  count: intField().min(1).max(QUIZ_LIMITS.drawCount),
  points: PointsSchema,
});
export type QuizDrawInput = z.input<typeof QuizDrawSchema>;

/** The quiz's whole question list in order, and its draws in order; replaces what was there. */
export const SetQuizItemsSchema = z
  .object({
    quizId: IdSchema,
    questions: z
      .array(QuizQuestionItemSchema)
      .max(QUIZ_LIMITS.questions)
      .refine((items) => new Set(items.map((item) => item.questionId)).size === items.length, { error: "validation.invalid" }),
    draws: z.array(QuizDrawSchema).max(QUIZ_LIMITS.draws),
  })
  .refine((items) => items.questions.length + items.draws.reduce((sum, draw) => sum + draw.count, 0) <= QUIZ_LIMITS.questions, {
    error: "validation.too_big",
    path: ["questions"],
  });
export type SetQuizItemsInput = z.input<typeof SetQuizItemsSchema>;

/** The item editor posts both lists as JSON fields. */
export const SetQuizItemsFormSchema = z.preprocess(
  (raw) => (isRecord(raw) ? { ...raw, questions: jsonListOf(raw.questions), draws: jsonListOf(raw.draws) } : raw),
  SetQuizItemsSchema,
);

export const QuizRefSchema = z.object({ quizId: IdSchema });
export type QuizRefInput = z.input<typeof QuizRefSchema>;

export const AttemptRefSchema = z.object({ attemptId: IdSchema });
export type AttemptRefInput = z.input<typeof AttemptRefSchema>;

/** One question's answer as the student has it now; the shape is checked against the question's type. */
export const SaveAnswerSchema = z.object({
  attemptId: IdSchema,
  questionId: IdSchema,
  response: z.unknown(),
  confidence: intField().min(1).max(3).nullish().transform((c) => c ?? null),
});
export type SaveAnswerInput = z.input<typeof SaveAnswerSchema>;

export const MarkAnswerSchema = z.object({
  attemptQuestionId: IdSchema,
  score: numberField().min(0),
  feedback: z.string().trim().max(QUIZ_LIMITS.feedback).default(""),
});
export type MarkAnswerInput = z.input<typeof MarkAnswerSchema>;

export const MarkAnswerFormSchema = z.preprocess(
  (raw) => (isRecord(raw) ? { ...raw, score: optionalNumberOf(raw.score) } : raw),
  MarkAnswerSchema,
);

export const BankFilterSchema = z.object({
  tag: z.string().trim().max(QUESTION_LIMITS.tag).optional(),
  type: z.enum(["SINGLE", "MULTIPLE", "TRUE_FALSE", "FILL_IN", "SHORT_ANSWER"]).optional(),
  difficulty: z.coerce.number().int().min(1).max(5).optional(),
  text: z.string().trim().max(100).optional(),
});
export type BankFilter = z.input<typeof BankFilterSchema>;
