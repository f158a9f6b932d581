import type { PartialCredit, QuestionType } from "@/generated/prisma/client";
import { OPTION_KEYS } from "../question-shapes";

export type ImportFormat = "xlsx" | "csv" | "gift" | "moodle-xml";

/** Where a question or an error is in its file: a spreadsheet row, or a text line (GIFT, Moodle XML). */
export type LocationUnit = "row" | "line";
export const LOCATION_UNIT: Record<ImportFormat, LocationUnit> = { xlsx: "row", csv: "row", gift: "line", "moodle-xml": "line" };

/** The part of a question an error is about; each has a label in messages/<locale>/qbank.json (import.fields). */
export const IMPORT_FIELDS = [
  "file",
  "question",
  "type",
  "stem",
  "options",
  ...OPTION_KEYS.map((key) => `option${key}` as const),
  "answer",
  "scoring",
  "caseSensitive",
  "referenceAnswer",
  "explanation",
  "difficulty",
  "tags",
  "case",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Why a question cannot be imported; each has a text in messages/<locale>/qbank.json (import.errors). */
export const IMPORT_ISSUE_CODES = [
  "syntax",
  "invalid",
  "doctype_not_allowed",
  "not_a_quiz",
  "type_required",
  "type_unknown",
  "type_unsupported",
  "description_unsupported",
  "image_unsupported",
  "stem_required",
  "stem_too_long",
  "options_too_few",
  "options_too_many",
  "option_gap",
  "option_too_long",
  "options_not_allowed",
  "answer_required",
  "answer_invalid",
  "answer_single_one",
  "answer_not_an_option",
  "answer_repeated",
  "answer_partial_unsupported",
  "blanks_too_many",
  "alternatives_too_many",
  "answer_too_long",
  "scoring_invalid",
  "case_sensitive_invalid",
  "reference_too_long",
  "explanation_too_long",
  "difficulty_invalid",
  "tags_too_many",
  "tag_too_long",
  "case_required",
  "case_undefined",
  "case_conflict",
  "vignette_too_long",
] as const;
export type ImportIssueCode = (typeof IMPORT_ISSUE_CODES)[number];

export interface ImportIssue {
  /** Row or line (see LOCATION_UNIT); 0 for the file as a whole. */
  at: number;
  field: ImportField;
  code: ImportIssueCode;
}

/**
 * A case set reference: the key joins the questions of one vignette. `vignette` is null where a question only
 * names the key (the text is given once, on another question or a description item).
 */
export interface DraftCase {
  key: string;
  vignette: string | null;
}

/** One question as read from a file, not yet checked (checkDrafts does that for every format alike). */
export interface QuestionDraft {
  at: number;
  type: QuestionType;
  stem: string;
  options: { key: string; text: string }[];
  /** Shaped per type as in question-shapes.ts: keys, [boolean], accepted answers per blank, []. */
  answer: unknown;
  partialCredit: PartialCredit;
  caseInsensitive: boolean;
  referenceAnswer: string;
  explanation: string;
  difficulty: number;
  tags: string[];
  case: DraftCase | null;
}

/** What each format's parser returns: the questions it could read, and located errors for the rest. */
export interface ParsedQuestions {
  drafts: QuestionDraft[];
  errors: ImportIssue[];
}

export const draftDefaults = {
  options: [],
  partialCredit: "ALL_OR_NOTHING",
  caseInsensitive: true,
  referenceAnswer: "",
  explanation: "",
  difficulty: 3,
  tags: [],
  case: null,
} as const satisfies Partial<QuestionDraft>;
