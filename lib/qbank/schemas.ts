import { z } from "zod";
import { IdSchema } from "@/lib/course/schemas";
import { PARTIAL_CREDIT_RULES, QUESTION_LIMITS, QUESTION_TYPES, QuestionContentSchema } from "./question-shapes";

export const QBANK_LIMITS = {
  /** An import file: a bank of a thousand questions in Moodle XML is well under this. */
  fileBytes: 5 * 1024 * 1024,
  importQuestions: 1000,
  pageSize: 50,
  search: 100,
  /** Questions in one export; a course bank is far smaller. */
  exportQuestions: 5000,
} as const;

export const DIFFICULTIES = [1, 2, 3, 4, 5] as const;

/**
 * Characters that separate tags in a spreadsheet cell (, ， ; ； 、 | and line breaks): a tag cannot contain them,
 * so that an exported bank imports back with the same tags.
 */
export const TAG_SEPARATORS = /[,，;；、|｜\r\n]+/;

/** Full-width letters and digits become ASCII, the full-width colon of "系统：心血管" too; spaces collapse. */
export const normalizeTag = (tag: string): string => tag.normalize("NFKC").replace(/\s+/g, " ").trim();

export const TagSchema = z
  .string()
  .transform(normalizeTag)
  .pipe(
    z
      .string()
      .min(1)
      .max(QUESTION_LIMITS.tag)
      .refine((tag) => !TAG_SEPARATORS.test(tag), { message: "validation.invalid" }),
  );

/** Tags without repeats, in the order given. */
export const TagsSchema = z
  .array(TagSchema)
  .max(QUESTION_LIMITS.tags)
  .transform((tags) => [...new Set(tags)]);

/** Splits a cell such as "系统:心血管，学科:诊断学" into its tags (unchecked). */
export const splitTags = (text: string): string[] => text.split(TAG_SEPARATORS).map(normalizeTag).filter(Boolean);

/**
 * Everything of a question except where it lives: type, stem, options and answer checked together by
 * QuestionContentSchema, and the scoring options only where the type uses them (stored defaults otherwise).
 */
export const QuestionDataSchema = z
  .object({
    type: z.enum(QUESTION_TYPES),
    // Not trimmed at the end: Markdown may end in a code block; leading/trailing blank lines are dropped.
    stem: z.string().trim().min(1).max(QUESTION_LIMITS.stem),
    options: z.unknown().default([]),
    answer: z.unknown().default([]),
    partialCredit: z.enum(PARTIAL_CREDIT_RULES).default("ALL_OR_NOTHING"),
    caseInsensitive: z.boolean().default(true),
    referenceAnswer: z.string().trim().max(QUESTION_LIMITS.referenceAnswer).default(""),
    explanation: z.string().trim().max(QUESTION_LIMITS.explanation).default(""),
    difficulty: z.coerce.number().int().min(1).max(5).default(3),
    tags: TagsSchema.default([]),
  })
  .transform((q, ctx) => {
    const content = QuestionContentSchema.safeParse({ type: q.type, options: q.options, answer: q.answer });
    if (!content.success) {
      for (const issue of content.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: "validation.invalid" });
      return z.NEVER;
    }
    const usesRule = q.type === "MULTIPLE" || q.type === "FILL_IN";
    return {
      type: content.data.type,
      stem: q.stem,
      options: content.data.options,
      answer: content.data.answer,
      partialCredit: usesRule ? q.partialCredit : ("ALL_OR_NOTHING" as const),
      caseInsensitive: q.type === "FILL_IN" ? q.caseInsensitive : true,
      referenceAnswer: q.type === "SHORT_ANSWER" ? q.referenceAnswer : "",
      explanation: q.explanation,
      difficulty: q.difficulty,
      tags: q.tags,
    };
  });
export type QuestionDataInput = z.input<typeof QuestionDataSchema>;
export type QuestionData = z.output<typeof QuestionDataSchema>;

const Vignette = z.string().trim().max(QUESTION_LIMITS.vignette);

/**
 * Where a saved question sits in a case set (A3/A4):
 *   caseId null, vignette blank  → not in a case
 *   caseId null, vignette given  → a new case with that vignette
 *   caseId given                 → that case of the course; a vignette given replaces the case's (for all its questions)
 */
export const CasePlacementSchema = z.object({
  caseId: IdSchema.nullish().transform((id) => id ?? null),
  vignette: Vignette.nullish().transform((text) => text || null),
});

export const CreateQuestionSchema = z.object({
  courseId: IdSchema,
  question: QuestionDataSchema,
  shared: z.boolean().default(false),
  placement: CasePlacementSchema.default({ caseId: null, vignette: null }),
});
export type CreateQuestionInput = z.input<typeof CreateQuestionSchema>;

export const UpdateQuestionSchema = CreateQuestionSchema.extend({ questionId: IdSchema });
export type UpdateQuestionInput = z.input<typeof UpdateQuestionSchema>;

export const ArchiveQuestionSchema = z.object({ courseId: IdSchema, questionId: IdSchema, archived: z.boolean() });
export type ArchiveQuestionInput = z.input<typeof ArchiveQuestionSchema>;

export const CreateCaseSetSchema = z.object({
  courseId: IdSchema,
  vignette: Vignette.min(1),
  shared: z.boolean().default(false),
  questions: z.array(QuestionDataSchema).min(1).max(20),
});
export type CreateCaseSetInput = z.input<typeof CreateCaseSetSchema>;

export const UpdateCaseSchema = z.object({ courseId: IdSchema, caseId: IdSchema, vignette: Vignette.min(1) });
export type UpdateCaseInput = z.input<typeof UpdateCaseSchema>;

export const BANK_SOURCES = ["all", "course", "shared"] as const;
export type BankSource = (typeof BANK_SOURCES)[number];

/** The bank list's filter, as it comes from the page's query string (anything odd falls back to "no filter"). */
export const BankFilterSchema = z.object({
  type: z.enum(QUESTION_TYPES).optional().catch(undefined),
  tag: TagSchema.optional().catch(undefined),
  difficulty: z.coerce.number().int().min(1).max(5).optional().catch(undefined),
  q: z.string().trim().max(QBANK_LIMITS.search).optional().transform((q) => q || undefined).catch(undefined),
  source: z.enum(BANK_SOURCES).default("all").catch("all"),
  caseId: IdSchema.optional().catch(undefined),
  archived: z
    .union([z.boolean(), z.enum(["1", "true"]).transform(() => true)])
    .optional()
    .transform((value) => value === true)
    .catch(false),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
/** Typed values, or the strings of a query string: anything unreadable falls back to no filter. */
export type BankFilterInput = z.input<typeof BankFilterSchema> | Partial<Record<keyof z.input<typeof BankFilterSchema>, string>>;
export type BankFilter = z.output<typeof BankFilterSchema>;
