import { z } from "zod";
import type { PartialCredit, QuestionType } from "@/generated/prisma/client";

/**
 * The JSON a question keeps in `options` and `answer`, and the JSON a student's response takes, per question type.
 * Everything that reads or writes those columns (editor, importers, exporters, quizzes, practice) parses with these.
 *
 *   type          options                     answer                          response
 *   SINGLE        [{key:"A",text}, …] 2–6     ["B"]                           ["B"]
 *   MULTIPLE      [{key:"A",text}, …] 2–6     ["A","C"] (≥ 1)                 ["A","C"]
 *   TRUE_FALSE    []                          [true] | [false]                [true] | [false]
 *   FILL_IN       []                          [["二尖瓣","mitral"], […]]       ["二尖瓣", "…"] (one per blank)
 *   SHORT_ANSWER  []                          []                              ["free text"]
 */

export const QUESTION_TYPES = ["SINGLE", "MULTIPLE", "TRUE_FALSE", "FILL_IN", "SHORT_ANSWER"] as const satisfies readonly QuestionType[];
export const PARTIAL_CREDIT_RULES = ["ALL_OR_NOTHING", "RIGHT_MINUS_WRONG", "HALF_FOR_SUBSET"] as const satisfies readonly PartialCredit[];

export const OPTION_KEYS = ["A", "B", "C", "D", "E", "F"] as const;
export type OptionKey = (typeof OPTION_KEYS)[number];

export const QUESTION_LIMITS = {
  stem: 5000,
  option: 1000,
  explanation: 5000,
  referenceAnswer: 5000,
  blanks: 10,
  acceptedPerBlank: 10,
  accepted: 200,
  tags: 20,
  tag: 40,
  vignette: 10_000,
  /** A student's text answer (fill-in blank or short answer). */
  responseText: 5000,
} as const;

export const OptionKeySchema = z.enum(OPTION_KEYS);

export const ChoiceOptionSchema = z.object({
  key: OptionKeySchema,
  text: z.string().trim().min(1).max(QUESTION_LIMITS.option),
});
export type ChoiceOption = z.infer<typeof ChoiceOptionSchema>;

/** 2–6 options keyed A, B, C … in order. */
export const ChoiceOptionsSchema = z
  .array(ChoiceOptionSchema)
  .min(2)
  .max(OPTION_KEYS.length)
  .refine((options) => options.every((option, i) => option.key === OPTION_KEYS[i]), { message: "options_out_of_order" });

const keysOf = (options: readonly ChoiceOption[]) => new Set<string>(options.map((o) => o.key));

/** A question's type, options and answer, checked together (an answer key must be one of the options …). */
export const QuestionContentSchema = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("SINGLE"), options: ChoiceOptionsSchema, answer: z.array(OptionKeySchema).length(1) }),
    z.object({ type: z.literal("MULTIPLE"), options: ChoiceOptionsSchema, answer: z.array(OptionKeySchema).min(1).max(OPTION_KEYS.length) }),
    z.object({ type: z.literal("TRUE_FALSE"), options: z.array(ChoiceOptionSchema).max(0).default([]), answer: z.tuple([z.boolean()]) }),
    z.object({
      type: z.literal("FILL_IN"),
      options: z.array(ChoiceOptionSchema).max(0).default([]),
      answer: z
        .array(z.array(z.string().trim().min(1).max(QUESTION_LIMITS.accepted)).min(1).max(QUESTION_LIMITS.acceptedPerBlank))
        .min(1)
        .max(QUESTION_LIMITS.blanks),
    }),
    z.object({ type: z.literal("SHORT_ANSWER"), options: z.array(ChoiceOptionSchema).max(0).default([]), answer: z.array(z.never()).max(0).default([]) }),
  ])
  .superRefine((q, ctx) => {
    if (q.type !== "SINGLE" && q.type !== "MULTIPLE") return;
    const keys = keysOf(q.options);
    if (!q.answer.every((key) => keys.has(key))) ctx.addIssue({ code: "custom", path: ["answer"], message: "answer_not_an_option" });
    if (new Set(q.answer).size !== q.answer.length) ctx.addIssue({ code: "custom", path: ["answer"], message: "answer_repeated" });
  });
export type QuestionContent = z.infer<typeof QuestionContentSchema>;

/** What scoring needs of a stored question. */
export interface ScorableQuestion {
  type: QuestionType;
  options: unknown;
  answer: unknown;
  partialCredit: PartialCredit;
  caseInsensitive: boolean;
}

/** A student's response, shaped per type (see the table above). Anything else is treated as no answer. */
export const ResponseSchemas = {
  SINGLE: z.array(OptionKeySchema).max(1),
  MULTIPLE: z.array(OptionKeySchema).max(OPTION_KEYS.length),
  TRUE_FALSE: z.array(z.boolean()).max(1),
  FILL_IN: z.array(z.string().max(QUESTION_LIMITS.responseText)).max(QUESTION_LIMITS.blanks),
  SHORT_ANSWER: z.array(z.string().max(QUESTION_LIMITS.responseText)).max(1),
} as const satisfies Record<QuestionType, z.ZodType>;

export type QuestionResponse = z.infer<(typeof ResponseSchemas)[QuestionType]>;

/** Parses a response for a question type; null when it does not have the type's shape. */
export function parseResponse(type: QuestionType, raw: unknown): QuestionResponse | null {
  const parsed = ResponseSchemas[type].safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Whether a response says anything at all (an empty list, or only blank text, does not). */
export function isAnswered(response: QuestionResponse | null): boolean {
  if (!response || response.length === 0) return false;
  return response.some((value) => (typeof value === "string" ? value.trim() !== "" : true));
}

/** How many blanks a fill-in question has (the student's form shows that many inputs). */
export const blankCountOf = (answer: unknown): number => (Array.isArray(answer) ? answer.length : 0);

/** A question's options as stored, or [] when the column holds something else. */
export function optionsOf(raw: unknown): ChoiceOption[] {
  const parsed = z.array(ChoiceOptionSchema).safeParse(raw);
  return parsed.success ? parsed.data : [];
}
