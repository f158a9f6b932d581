import { OPTION_KEYS, type OptionKey, QUESTION_LIMITS } from "../question-shapes";
import { type QuestionData, QuestionDataSchema } from "../schemas";
import type { ImportField, ImportIssue, QuestionDraft } from "./types";

/** A question ready to be written, with its file location and its case set (by key). */
export interface CheckedQuestion {
  at: number;
  data: QuestionData;
  caseKey: string | null;
}

export interface CheckedCase {
  key: string;
  vignette: string;
}

export interface CheckedDrafts {
  questions: CheckedQuestion[];
  cases: CheckedCase[];
  errors: ImportIssue[];
}

const length = (text: string) => [...text].length;

/**
 * The checks every format shares, with a located reason for each problem; a question passes only when the
 * bank's own schema accepts it. Case sets: all questions naming a key share one vignette, given at least once
 * and never two different ones.
 */
export function checkDrafts(drafts: QuestionDraft[]): CheckedDrafts {
  const questions: CheckedQuestion[] = [];
  const errors: ImportIssue[] = [];
  for (const draft of drafts) {
    const found = problemsOf(draft).map(([field, code]) => ({ at: draft.at, field, code }));
    const parsed = QuestionDataSchema.safeParse(draft);
    if (!found.length && !parsed.success) {
      // A rule the checks above do not spell out: still located, by the schema's path.
      const path = String(parsed.error.issues[0]?.path[0] ?? "question");
      const field = (["stem", "options", "answer", "explanation", "tags"].includes(path) ? path : "question") as ImportField;
      found.push({ at: draft.at, field, code: "invalid" });
    }
    errors.push(...found);
    if (!found.length && parsed.success) questions.push({ at: draft.at, data: parsed.data, caseKey: draft.case?.key ?? null });
  }

  const vignettes = new Map<string, { vignette: string; at: number }>();
  const firstUse = new Map<string, number>();
  for (const draft of drafts) {
    if (!draft.case) continue;
    if (!firstUse.has(draft.case.key)) firstUse.set(draft.case.key, draft.at);
    const vignette = draft.case.vignette?.trim();
    if (!vignette) continue;
    const known = vignettes.get(draft.case.key);
    if (!known) {
      if (length(vignette) > QUESTION_LIMITS.vignette) errors.push({ at: draft.at, field: "case", code: "vignette_too_long" });
      vignettes.set(draft.case.key, { vignette, at: draft.at });
    } else if (known.vignette !== vignette) errors.push({ at: draft.at, field: "case", code: "case_conflict" });
  }
  for (const [key, at] of firstUse) {
    if (!vignettes.has(key)) errors.push({ at, field: "case", code: "case_undefined" });
  }
  errors.sort((a, b) => a.at - b.at);
  return { questions, cases: [...vignettes].map(([key, { vignette }]) => ({ key, vignette })), errors };
}

function problemsOf(draft: QuestionDraft): [ImportField, ImportIssue["code"]][] {
  const problems: [ImportField, ImportIssue["code"]][] = [];
  if (!draft.stem.trim()) problems.push(["stem", "stem_required"]);
  else if (length(draft.stem) > QUESTION_LIMITS.stem) problems.push(["stem", "stem_too_long"]);
  if (length(draft.explanation) > QUESTION_LIMITS.explanation) problems.push(["explanation", "explanation_too_long"]);
  if (length(draft.referenceAnswer) > QUESTION_LIMITS.referenceAnswer) problems.push(["referenceAnswer", "reference_too_long"]);
  if (draft.tags.length > QUESTION_LIMITS.tags) problems.push(["tags", "tags_too_many"]);
  else if (draft.tags.some((tag) => length(tag) > QUESTION_LIMITS.tag)) problems.push(["tags", "tag_too_long"]);

  const answer = Array.isArray(draft.answer) ? (draft.answer as unknown[]) : [];
  switch (draft.type) {
    case "SINGLE":
    case "MULTIPLE": {
      if (draft.options.length < 2) problems.push(["options", "options_too_few"]);
      if (draft.options.length > OPTION_KEYS.length) problems.push(["options", "options_too_many"]);
      for (const option of draft.options) {
        if (!option.text.trim()) problems.push([`option${option.key as OptionKey}`, "option_gap"]);
        else if (length(option.text) > QUESTION_LIMITS.option) problems.push([`option${option.key as OptionKey}`, "option_too_long"]);
      }
      const keys = new Set(draft.options.map((option) => option.key));
      if (answer.length === 0) problems.push(["answer", "answer_required"]);
      else if (draft.type === "SINGLE" && answer.length !== 1) problems.push(["answer", "answer_single_one"]);
      else if (new Set(answer).size !== answer.length) problems.push(["answer", "answer_repeated"]);
      else if (!answer.every((key) => keys.has(String(key)))) problems.push(["answer", "answer_not_an_option"]);
      break;
    }
    case "TRUE_FALSE":
      if (answer.length !== 1 || typeof answer[0] !== "boolean") problems.push(["answer", "answer_invalid"]);
      break;
    case "FILL_IN": {
      const blanks = answer as string[][];
      if (blanks.length === 0) problems.push(["answer", "answer_required"]);
      else if (blanks.length > QUESTION_LIMITS.blanks) problems.push(["answer", "blanks_too_many"]);
      else if (blanks.some((alternatives) => alternatives.length > QUESTION_LIMITS.acceptedPerBlank)) problems.push(["answer", "alternatives_too_many"]);
      else if (blanks.some((alternatives) => alternatives.some((text) => length(text) > QUESTION_LIMITS.accepted))) problems.push(["answer", "answer_too_long"]);
      break;
    }
    case "SHORT_ANSWER":
      break;
  }
  return problems;
}
