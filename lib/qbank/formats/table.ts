import { AppError } from "@/lib/errors";
import { OPTION_KEYS, type OptionKey } from "../question-shapes";
import { QBANK_LIMITS, splitTags } from "../schemas";
import {
  parseCaseCell,
  parseCaseSensitive,
  parseChoiceKeys,
  parseDifficulty,
  parseFillIn,
  parseScoring,
  parseTrueFalse,
  parseTypeWord,
} from "./cell-values";
import { type ImportField, type ImportIssue, type ParsedQuestions, type QuestionDraft, draftDefaults } from "./types";

/** The spreadsheet layout shared by the Excel template, CSV files and the Excel export. */
export type TableColumn =
  | "type"
  | "stem"
  | `option${OptionKey}`
  | "answer"
  | "explanation"
  | "difficulty"
  | "tags"
  | "case"
  | "scoring"
  | "caseSensitive";

const OPTION_COLUMNS = OPTION_KEYS.map((key) => `option${key}` as const);

/** The template's headers, in order. */
export const TABLE_HEADERS: readonly [TableColumn, string][] = [
  ["type", "题型"],
  ["stem", "题干"],
  ...OPTION_KEYS.map((key): [TableColumn, string] => [`option${key}`, `选项${key}`]),
  ["answer", "答案"],
  ["explanation", "解析"],
  ["difficulty", "难度"],
  ["tags", "标签"],
  ["case", "病例"],
  ["scoring", "计分"],
  ["caseSensitive", "区分大小写"],
];

const HEADER_ALIASES: Record<TableColumn, readonly string[]> = {
  type: ["题型", "类型", "题目类型", "题类", "type"],
  stem: ["题干", "题目", "试题", "题目内容", "stem", "question"],
  ...(Object.fromEntries(
    OPTION_KEYS.map((key) => [`option${key}`, [`选项${key}`, key, `${key}选项`, `option${key}`].map((h) => h.toLowerCase())]),
  ) as Record<`option${OptionKey}`, string[]>),
  answer: ["答案", "正确答案", "参考答案", "标准答案", "answer"],
  explanation: ["解析", "答案解析", "试题解析", "explanation", "analysis"],
  difficulty: ["难度", "difficulty"],
  tags: ["标签", "知识点", "tags", "tag"],
  case: ["病例", "共用题干", "病例题干", "案例", "case", "vignette"],
  scoring: ["计分", "计分规则", "多选计分", "scoring"],
  caseSensitive: ["区分大小写", "casesensitive"],
};

const REQUIRED: readonly TableColumn[] = ["type", "stem", "answer"];
// A title (诊断学题库（第一章）) or a few lines of instructions often sit above the header.
const HEADER_SEARCH_ROWS = 30;

export interface GridRow {
  /** The row number the teacher sees (1-based). */
  row: number;
  cells: string[];
}

const normalizeHeader = (text: string): string => text.normalize("NFKC").replace(/[\s*＊:：]/g, "").toLowerCase();

function columnIndexes(cells: string[]): Partial<Record<TableColumn, number>> {
  const indexes: Partial<Record<TableColumn, number>> = {};
  cells.forEach((text, index) => {
    const header = normalizeHeader(text);
    const column = (Object.keys(HEADER_ALIASES) as TableColumn[]).find((c) => HEADER_ALIASES[c].includes(header));
    if (column && indexes[column] === undefined) indexes[column] = index;
  });
  return indexes;
}

const isBlank = (row: GridRow) => row.cells.every((cell) => cell.trim() === "");

/** Finds the header row, then reads every non-blank row below it as one question. */
export function tableToDrafts(grid: GridRow[]): ParsedQuestions {
  const filled = grid.filter((row) => !isBlank(row));
  if (filled.length === 0) throw new AppError("qbank.no_questions");
  const headerAt = filled
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((row) => REQUIRED.every((column) => columnIndexes(row.cells)[column] !== undefined));
  if (headerAt < 0) {
    const found = columnIndexes(filled[0].cells);
    throw new AppError("qbank.missing_columns", { columns: REQUIRED.filter((column) => found[column] === undefined) });
  }
  const indexes = columnIndexes(filled[headerAt].cells);
  const rows = filled.slice(headerAt + 1);
  if (rows.length === 0) throw new AppError("qbank.no_questions");
  if (rows.length > QBANK_LIMITS.importQuestions) throw new AppError("qbank.too_many_questions", { max: QBANK_LIMITS.importQuestions });

  const drafts: QuestionDraft[] = [];
  const errors: ImportIssue[] = [];
  for (const row of rows) {
    const cell = (column: TableColumn) => {
      const index = indexes[column];
      return index === undefined ? "" : (row.cells[index] ?? "").trim();
    };
    const rowErrors: ImportIssue[] = [];
    const fail = (field: ImportField, code: ImportIssue["code"]) => rowErrors.push({ at: row.row, field, code });
    const draft = rowToDraft(row.row, cell, fail);
    errors.push(...rowErrors);
    if (draft && rowErrors.length === 0) drafts.push(draft);
  }
  return { drafts, errors };
}

function rowToDraft(
  at: number,
  cell: (column: TableColumn) => string,
  fail: (field: ImportField, code: ImportIssue["code"]) => void,
): QuestionDraft | null {
  const typeText = cell("type");
  const typeWord = typeText ? parseTypeWord(typeText) : null;
  if (!typeText) fail("type", "type_required");
  else if (!typeWord) fail("type", "type_unknown");

  const caseCell = parseCaseCell(cell("case"));
  if (typeWord?.caseRequired && !caseCell) fail("case", "case_required");

  const difficulty = parseDifficulty(cell("difficulty"));
  if (difficulty === null) fail("difficulty", "difficulty_invalid");
  const partialCredit = parseScoring(cell("scoring"));
  if (partialCredit === null) fail("scoring", "scoring_invalid");
  const caseInsensitive = parseCaseSensitive(cell("caseSensitive"));
  if (caseInsensitive === null) fail("caseSensitive", "case_sensitive_invalid");

  const optionTexts = OPTION_COLUMNS.map((column) => cell(column));
  const lastFilled = optionTexts.findLastIndex((text) => text !== "");
  const options = optionTexts.slice(0, lastFilled + 1).map((text, i) => ({ key: OPTION_KEYS[i], text }));
  const answerText = cell("answer");

  let answer: unknown = [];
  let referenceAnswer = "";
  switch (typeWord?.type) {
    case "SINGLE":
    case "MULTIPLE": {
      const gap = options.find((option) => option.text === "");
      if (gap) fail(`option${gap.key as OptionKey}`, "option_gap");
      if (!answerText) fail("answer", "answer_required");
      else {
        const keys = parseChoiceKeys(answerText);
        if (!keys) fail("answer", "answer_invalid");
        answer = keys ?? [];
      }
      break;
    }
    case "TRUE_FALSE": {
      // Teachers often fill 选项A 对 / 选项B 错 and answer "A": read the chosen option's text.
      const byKey = options.find((option) => option.key === answerText.normalize("NFKC").trim().toUpperCase());
      const value = parseTrueFalse(byKey ? byKey.text : answerText);
      if (!answerText) fail("answer", "answer_required");
      else if (value === null) fail("answer", "answer_invalid");
      answer = value === null ? [] : [value];
      break;
    }
    case "FILL_IN": {
      if (options.length) fail("options", "options_not_allowed");
      const blanks = answerText ? parseFillIn(answerText) : null;
      if (!answerText) fail("answer", "answer_required");
      else if (!blanks) fail("answer", "answer_invalid");
      answer = blanks ?? [];
      break;
    }
    case "SHORT_ANSWER":
      if (options.length) fail("options", "options_not_allowed");
      referenceAnswer = answerText;
      break;
  }
  if (!typeWord || difficulty === null || partialCredit === null || caseInsensitive === null) return null;
  return {
    ...draftDefaults,
    at,
    type: typeWord.type,
    stem: cell("stem"),
    options: typeWord.type === "SINGLE" || typeWord.type === "MULTIPLE" ? options : [],
    answer,
    partialCredit,
    caseInsensitive,
    referenceAnswer,
    explanation: cell("explanation"),
    difficulty,
    tags: splitTags(cell("tags")),
    case: caseCell,
  };
}
