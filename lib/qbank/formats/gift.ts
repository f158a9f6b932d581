import { OPTION_KEYS, QUESTION_LIMITS } from "../question-shapes";
import { normalizeTag } from "../schemas";
import { caseKeyOfName, categoryTag, containsImage, htmlToMarkdown } from "./text";
import { type ImportIssue, type ParsedQuestions, type QuestionDraft, draftDefaults } from "./types";

/**
 * Moodle's GIFT text format (https://docs.moodle.org/en/GIFT_format), the parts that map onto the bank:
 *   // comment lines (and Moodle's "// [tag:…]" tag comments)      $CATEGORY: $course$/top/心血管  → tag 心血管
 *   ::title:: [html|markdown|plain|moodle] text {answers} text     blank lines separate questions
 *   {=right ~wrong ~wrong}            single choice; {~%50%a ~%50%b ~%-100%c} multiple choice (right minus wrong)
 *   {T} {F} {TRUE} {FALSE}            true/false;    {=a =b}  short answer → fill-in with accepted answers a, b
 *   {}                                essay → short answer (teacher-marked)
 *   #feedback after an answer, ####general feedback → the explanation;  \~ \= \# \{ \} \: \\ and \n escaped
 * Text before and after an answer block ("missing word") becomes the stem with ____ in the block's place.
 * A3/A4 sets: a description item (no answer block) titled ::【病例1】:: holds the vignette; questions titled
 * ::【病例1】…:: belong to it. Matching and numerical questions are not supported (reported, not skipped).
 */
export function parseGift(text: string): ParsedQuestions {
  const drafts: QuestionDraft[] = [];
  const errors: ImportIssue[] = [];
  const vignettes = new Map<string, string>();
  let category: string | null = null;

  for (const block of blocksOf(text)) {
    let body = block.lines.map((line) => line.text);
    const categoryLine = /^\s*\$CATEGORY:\s*(.*)$/i.exec(body[0] ?? "");
    if (categoryLine) {
      category = categoryTag(categoryLine[1], QUESTION_LIMITS.tag);
      body = body.slice(1);
      block.lines = block.lines.slice(1);
      if (body.every((line) => !line.trim())) continue;
    }
    const lineOf = (offset: number) => {
      const index = body.join("\n").slice(0, offset).split("\n").length - 1;
      return block.lines[Math.min(index, block.lines.length - 1)].line;
    };
    const parsed = parseQuestion(body.join("\n"), lineOf);
    if ("error" in parsed) {
      errors.push(parsed.error);
      continue;
    }
    if (parsed.kind === "description") {
      const key = parsed.title ? caseKeyOfName(parsed.title) : null;
      if (!key) errors.push({ at: block.lines[0].line, field: "question", code: "description_unsupported" });
      else vignettes.set(key, parsed.stem);
      continue;
    }
    const key = parsed.title ? caseKeyOfName(parsed.title) : null;
    const tags = [...(category ? [category] : []), ...block.tags];
    drafts.push({ ...parsed.draft, at: block.lines[0].line, tags, case: key ? { key, vignette: null } : null });
  }
  // A vignette given after its questions still belongs to them; checkDrafts reports keys that have none.
  for (const draft of drafts) {
    if (draft.case) draft.case = { key: draft.case.key, vignette: vignettes.get(draft.case.key) ?? null };
  }
  return { drafts, errors };
}

interface Block {
  lines: { line: number; text: string }[];
  tags: string[];
}

/** Questions are separated by blank lines; comment lines are dropped but their [tag:…] kept. */
function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block = { lines: [], tags: [] };
  const close = () => {
    if (current.lines.length) blocks.push(current);
    current = { lines: [], tags: [] };
  };
  text.split(/\r\n?|\n/).forEach((raw, index) => {
    if (/^\s*\/\//.test(raw)) {
      for (const [, tag] of raw.matchAll(/\[tag:([^\]]+)\]/g)) current.tags.push(normalizeTag(tag));
      return;
    }
    if (!raw.trim()) close();
    else current.lines.push({ line: index + 1, text: raw });
  });
  close();
  return blocks;
}

type Parsed =
  | { error: ImportIssue }
  | { kind: "description"; title: string | null; stem: string }
  | { kind: "question"; title: string | null; draft: Omit<QuestionDraft, "at" | "tags" | "case"> };

/** Index of `token` at or after `from` that is not escaped by a backslash, or -1. */
function findUnescaped(text: string, token: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === "\\") {
      i++;
      continue;
    }
    if (text.startsWith(token, i)) return i;
  }
  return -1;
}

/** GIFT escapes: \~ \= \# \{ \} \: \\ and \n (a line break). */
function unescape(text: string): string {
  return text.replace(/\\([~=#{}:\\n])/g, (_all, char: string) => (char === "n" ? "\n" : char));
}

function parseQuestion(source: string, lineOf: (offset: number) => number): Parsed {
  const at = lineOf(0);
  let text = source.trim();
  let offset = source.indexOf(text);
  let title: string | null = null;
  if (text.startsWith("::")) {
    const end = findUnescaped(text, "::", 2);
    if (end < 0) return { error: { at, field: "question", code: "syntax" } };
    title = unescape(text.slice(2, end)).trim();
    offset += end + 2 + (text.slice(end + 2).length - text.slice(end + 2).trimStart().length);
    text = text.slice(end + 2).trimStart();
  }
  const format = /^\[(html|moodle|plain|markdown)\]/i.exec(text)?.[1]?.toLowerCase() ?? "moodle";
  if (/^\[(html|moodle|plain|markdown)\]/i.test(text)) {
    const marker = text.indexOf("]") + 1;
    offset += marker;
    text = text.slice(marker);
  }
  const toText = (raw: string) => {
    const plain = unescape(raw).trim();
    return format === "html" ? htmlToMarkdown(plain) : plain;
  };

  const open = findUnescaped(text, "{");
  if (open < 0) {
    if (findUnescaped(text, "}") >= 0) return { error: { at, field: "question", code: "syntax" } };
    return { kind: "description", title, stem: toText(text) };
  }
  const close = findUnescaped(text, "}", open + 1);
  const braceLine = lineOf(offset + open);
  if (close < 0 || findUnescaped(text.slice(open + 1, close), "{") >= 0) return { error: { at: braceLine, field: "answer", code: "syntax" } };
  const after = text.slice(close + 1).trim();
  if (findUnescaped(after, "{") >= 0 || findUnescaped(after, "}") >= 0) return { error: { at: braceLine, field: "answer", code: "syntax" } };
  const before = text.slice(0, open).trim();
  if (containsImage(text)) return { error: { at, field: "question", code: "image_unsupported" } };
  const stem = after ? `${toText(before)} ____ ${toText(after)}`.trim() : toText(before);

  const answer = parseAnswerBlock(text.slice(open + 1, close), toText);
  if ("error" in answer) return { error: { at: braceLine, field: answer.field, code: answer.error } };
  return { kind: "question", title, draft: { ...draftDefaults, stem, ...answer } };
}

type AnswerPart = Pick<QuestionDraft, "type" | "options" | "answer" | "partialCredit" | "explanation">;
type AnswerError = { error: ImportIssue["code"]; field: ImportIssue["field"] };

interface Choice {
  right: boolean;
  weight: number;
  text: string;
  feedback: string;
}

function parseAnswerBlock(raw: string, toText: (raw: string) => string): AnswerPart | AnswerError {
  const generalAt = findUnescaped(raw, "####");
  const explanationParts = generalAt >= 0 ? [toText(raw.slice(generalAt + 4))] : [];
  const content = (generalAt >= 0 ? raw.slice(0, generalAt) : raw).trim();
  const explanation = (feedback: string[]) => [...explanationParts, ...feedback].filter(Boolean).join("\n\n");

  if (!content) return { type: "SHORT_ANSWER", options: [], answer: [], partialCredit: "ALL_OR_NOTHING", explanation: explanation([]) };
  const truth = /^(T|TRUE|F|FALSE)\s*(#[\s\S]*)?$/i.exec(content);
  if (truth) {
    const value = truth[1].toUpperCase().startsWith("T");
    return { type: "TRUE_FALSE", options: [], answer: [value], partialCredit: "ALL_OR_NOTHING", explanation: explanation([]) };
  }
  if (content.startsWith("#")) return { error: "type_unsupported", field: "type" };
  if (findUnescaped(content, "->") >= 0) return { error: "type_unsupported", field: "type" };
  if (content[0] !== "=" && content[0] !== "~") return { error: "syntax", field: "answer" };

  const choices: Choice[] = [];
  let start = 0;
  for (let i = 1; i <= content.length; i++) {
    const boundary = i === content.length || ((content[i] === "=" || content[i] === "~") && content[i - 1] !== "\\");
    if (!boundary) continue;
    const piece = content.slice(start, i);
    start = i;
    const right = piece[0] === "=";
    let body = piece.slice(1).trim();
    let weight = right ? 100 : 0;
    const weighted = /^%(-?\d+(?:\.\d+)?)%/.exec(body);
    if (weighted) {
      weight = Number(weighted[1]);
      body = body.slice(weighted[0].length);
    }
    const hash = findUnescaped(body, "#");
    choices.push({
      right,
      weight,
      text: toText(hash >= 0 ? body.slice(0, hash) : body),
      feedback: hash >= 0 ? toText(body.slice(hash + 1)) : "",
    });
  }

  if (choices.every((choice) => choice.right)) {
    // Short answer: every "=" is an accepted answer; partly-right answers have no place in a fill-in blank.
    if (choices.some((choice) => choice.weight !== 100)) return { error: "answer_partial_unsupported", field: "answer" };
    return {
      type: "FILL_IN",
      options: [],
      answer: [choices.map((choice) => choice.text).filter(Boolean)],
      partialCredit: "ALL_OR_NOTHING",
      explanation: explanation([]),
    };
  }
  if (choices.length > OPTION_KEYS.length) return { error: "options_too_many", field: "options" };
  const options = choices.map((choice, i) => ({ key: OPTION_KEYS[i], text: choice.text }));
  const positive = choices.map((choice, i) => ({ choice, key: OPTION_KEYS[i] })).filter(({ choice }) => choice.weight > 0);
  const feedback = choices
    .map((choice, i) => (choice.feedback ? `- ${OPTION_KEYS[i]}：${choice.feedback}` : ""))
    .filter(Boolean)
    .join("\n");
  const withFeedback = explanation(feedback ? [feedback] : []);
  if (positive.length === 0) return { error: "answer_required", field: "answer" };
  if (positive.length === 1) {
    if (positive[0].choice.weight < 100) return { error: "answer_partial_unsupported", field: "answer" };
    return { type: "SINGLE", options, answer: [positive[0].key], partialCredit: "ALL_OR_NOTHING", explanation: withFeedback };
  }
  // Moodle's weighted multiple answers: right choices add, wrong ones subtract — our right-minus-wrong rule.
  return { type: "MULTIPLE", options, answer: positive.map(({ key }) => key), partialCredit: "RIGHT_MINUS_WRONG", explanation: withFeedback };
}
