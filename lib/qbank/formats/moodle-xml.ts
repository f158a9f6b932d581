import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { PartialCredit } from "@/generated/prisma/client";
import { OPTION_KEYS, PARTIAL_CREDIT_RULES, QUESTION_LIMITS } from "../question-shapes";
import { normalizeTag } from "../schemas";
import { caseKeyOfName, categoryTag, containsImage, decodeEntities, htmlToMarkdown, lineAt } from "./text";
import { type ImportIssue, type ParsedQuestions, type QuestionDraft, draftDefaults } from "./types";

/**
 * Moodle XML (https://docs.moodle.org/en/Moodle_XML_format): <quiz> with <question type="…"> items.
 *   category     → a tag for the questions after it (the path without $course$/top)
 *   multichoice  → single choice (<single>true</single>) or multiple choice (right minus wrong)
 *   truefalse    → true/false;   shortanswer → fill-in, one blank (<usecase>1</usecase>: case-sensitive)
 *   cloze        → fill-in with several blanks when every blank is {n:SHORTANSWER:…} (or SA, MW, _C variants)
 *   essay        → short answer, <graderinfo> the reference answer;  generalfeedback → explanation; <tags>
 *   description  → the vignette of an A3/A4 set when named 【key】; questions named 【key】… belong to it
 * Text in html format becomes Markdown; markdown, plain and moodle_auto_format text is kept. Two MedBlend
 * elements that Moodle ignores, <difficulty> and <partialcredit>, carry what Moodle has no field for.
 * No DOCTYPE is accepted and no entity beyond XML's own is expanded.
 */
export function parseMoodleXml(text: string): ParsedQuestions {
  const doctype = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (doctype) return fail(lineAt(text, doctype.index), "file", "doctype_not_allowed");
  const valid = XMLValidator.validate(text);
  if (valid !== true) return fail(valid.err.line, "file", "syntax");

  let root: XmlNode;
  try {
    root = parser.parse(text) as XmlNode;
  } catch {
    return fail(1, "file", "syntax");
  }
  const quiz = child(root, "quiz");
  if (!quiz) return fail(1, "file", "not_a_quiz");

  const lines = questionLines(text);
  const drafts: QuestionDraft[] = [];
  const errors: ImportIssue[] = [];
  const vignettes = new Map<string, string>();
  let category: string | null = null;
  children(quiz, "question").forEach((question, index) => {
    const at = lines[index] ?? 1;
    const type = String(question["@_type"] ?? "");
    if (type === "category") {
      category = categoryTag(textOf(child(question, "category")), QUESTION_LIMITS.tag);
      return;
    }
    const name = textOf(child(question, "name"));
    const key = caseKeyOfName(name);
    if (hasImage(question)) {
      errors.push({ at, field: "question", code: "image_unsupported" });
      return;
    }
    if (type === "description") {
      if (key) vignettes.set(key, richText(child(question, "questiontext")));
      else errors.push({ at, field: "question", code: "description_unsupported" });
      return;
    }
    const read = readQuestion(type, question);
    if ("error" in read) {
      errors.push({ at, field: read.field, code: read.error });
      return;
    }
    const tags = children(child(question, "tags"), "tag").map((tag) => normalizeTag(textOf(tag))).filter(Boolean);
    const difficulty = Number(textOf(child(question, "difficulty")));
    drafts.push({
      ...draftDefaults,
      ...read,
      at,
      explanation: [richText(child(question, "generalfeedback")), read.explanation].filter(Boolean).join("\n\n"),
      difficulty: Number.isInteger(difficulty) && difficulty >= 1 && difficulty <= 5 ? difficulty : 3,
      tags: [...(category ? [category] : []), ...tags],
      case: key ? { key, vignette: null } : null,
    });
  });
  for (const draft of drafts) {
    if (draft.case) draft.case = { key: draft.case.key, vignette: vignettes.get(draft.case.key) ?? null };
  }
  return { drafts, errors };
}

const fail = (at: number, field: ImportIssue["field"], code: ImportIssue["code"]): ParsedQuestions => ({ drafts: [], errors: [{ at, field, code }] });

type XmlNode = { [key: string]: unknown };

const ARRAYS = new Set(["question", "answer", "tag", "text", "file"]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Entities are decoded by hand (XML's five and numeric ones only); CDATA is kept apart so it is never decoded.
  processEntities: false,
  htmlEntities: false,
  cdataPropName: "__cdata",
  commentPropName: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ARRAYS.has(name),
});

const isNode = (value: unknown): value is XmlNode => typeof value === "object" && value !== null && !Array.isArray(value);

function child(node: unknown, name: string): XmlNode | undefined {
  if (!isNode(node)) return undefined;
  const value = node[name];
  const first = Array.isArray(value) ? value[0] : value;
  return isNode(first) ? first : typeof first === "string" ? { "#text": first } : first === "" ? {} : undefined;
}

function children(node: unknown, name: string): XmlNode[] {
  if (!isNode(node)) return [];
  const value = node[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((item) => (isNode(item) ? item : { "#text": String(item) }));
}

/** The text of an element: its <text> child's, or its own; entity-decoded outside CDATA. */
function textOf(node: XmlNode | undefined): string {
  if (!node) return "";
  const inner = node.text;
  if (inner !== undefined) {
    const list = Array.isArray(inner) ? inner : [inner];
    return list.map((item) => (isNode(item) ? ownText(item) : decodeEntities(String(item)))).join("");
  }
  return ownText(node);
}

function ownText(node: XmlNode): string {
  const text = typeof node["#text"] === "string" ? decodeEntities(node["#text"]) : "";
  const cdata = node.__cdata;
  const cdataText = Array.isArray(cdata) ? cdata.join("") : typeof cdata === "string" ? cdata : "";
  return (text.trim() ? text : "") + cdataText;
}

/** Text with its format attribute applied: html becomes Markdown. */
function richText(node: XmlNode | undefined): string {
  const text = textOf(node);
  return node?.["@_format"] === "html" || (!node?.["@_format"] && /<\/?[a-z][^>]*>/i.test(text)) ? htmlToMarkdown(text) : text.trim();
}

function hasImage(question: XmlNode): boolean {
  const texts = [child(question, "questiontext"), ...children(question, "answer")];
  return texts.some((node) => node && (children(node, "file").length > 0 || containsImage(textOf(node))));
}

type Read = Pick<QuestionDraft, "type" | "stem" | "options" | "answer" | "partialCredit" | "caseInsensitive" | "referenceAnswer" | "explanation">;
type ReadError = { error: ImportIssue["code"]; field: ImportIssue["field"] };

function ownRule(question: XmlNode): PartialCredit | null {
  const rule = textOf(child(question, "partialcredit")).trim();
  return (PARTIAL_CREDIT_RULES as readonly string[]).includes(rule) ? (rule as PartialCredit) : null;
}

function readQuestion(type: string, question: XmlNode): Read | ReadError {
  const stem = richText(child(question, "questiontext"));
  const answers = children(question, "answer").map((answer) => ({
    fraction: Number(answer["@_fraction"] ?? 0),
    text: richText(answer),
    feedback: richText(child(answer, "feedback")),
  }));
  const base = { stem, options: [], answer: [], partialCredit: "ALL_OR_NOTHING" as const, caseInsensitive: true, referenceAnswer: "", explanation: "" };
  switch (type) {
    case "multichoice": {
      if (answers.length > OPTION_KEYS.length) return { error: "options_too_many", field: "options" };
      const single = textOf(child(question, "single")).trim().toLowerCase() !== "false";
      const options = answers.map((answer, i) => ({ key: OPTION_KEYS[i], text: answer.text }));
      const right = answers.map((answer, i) => ({ answer, key: OPTION_KEYS[i] })).filter(({ answer }) => answer.fraction > 0);
      const feedback = answers
        .map((answer, i) => (answer.feedback ? `- ${OPTION_KEYS[i]}：${answer.feedback}` : ""))
        .filter(Boolean)
        .join("\n");
      if (right.length === 0) return { error: "answer_required", field: "answer" };
      if (single) {
        const best = right.filter(({ answer }) => answer.fraction >= 100);
        if (best.length !== 1) return { error: best.length ? "answer_single_one" : "answer_partial_unsupported", field: "answer" };
        return { ...base, type: "SINGLE", options, answer: [best[0].key], explanation: feedback };
      }
      return { ...base, type: "MULTIPLE", options, answer: right.map(({ key }) => key), partialCredit: ownRule(question) ?? "RIGHT_MINUS_WRONG", explanation: feedback };
    }
    case "truefalse": {
      const right = answers.filter((answer) => answer.fraction >= 100).map((answer) => answer.text.trim().toLowerCase());
      if (right.length !== 1 || !["true", "false"].includes(right[0])) return { error: "answer_invalid", field: "answer" };
      return { ...base, type: "TRUE_FALSE", answer: [right[0] === "true"] };
    }
    case "shortanswer": {
      const accepted = answers.filter((answer) => answer.fraction >= 100).map((answer) => answer.text.trim()).filter(Boolean);
      if (answers.some((answer) => answer.fraction > 0 && answer.fraction < 100)) return { error: "answer_partial_unsupported", field: "answer" };
      if (accepted.includes("*")) return { error: "answer_invalid", field: "answer" };
      if (accepted.length === 0) return { error: "answer_required", field: "answer" };
      const caseSensitive = textOf(child(question, "usecase")).trim() === "1";
      return { ...base, type: "FILL_IN", answer: [accepted], caseInsensitive: !caseSensitive, partialCredit: ownRule(question) ?? "ALL_OR_NOTHING" };
    }
    case "cloze":
      return readCloze(question, base);
    case "essay":
      return { ...base, type: "SHORT_ANSWER", referenceAnswer: richText(child(question, "graderinfo")) };
    default:
      return { error: "type_unsupported", field: "type" };
  }
}

const CLOZE = /\{(\d*):([A-Z_]+):((?:\\.|[^\\}])*)\}/g;
const SHORT_ANSWER_KINDS = new Set(["SHORTANSWER", "SA", "MW", "SHORTANSWER_C", "SAC", "MWC"]);

/** Embedded answers: every {n:SHORTANSWER:=a~=b} becomes a blank; other kinds (MULTICHOICE, NUMERICAL) are not supported. */
function readCloze(question: XmlNode, base: Omit<Read, "type">): Read | ReadError {
  const raw = textOf(child(question, "questiontext"));
  const blanks: string[][] = [];
  let caseSensitive = false;
  let unsupported = false;
  const withBlanks = raw.replace(CLOZE, (_all, _weight: string, kind: string, body: string) => {
    if (!SHORT_ANSWER_KINDS.has(kind)) unsupported = true;
    if (kind.endsWith("_C") || kind === "SAC" || kind === "MWC") caseSensitive = true;
    const accepted = splitCloze(body)
      .filter((part) => part.startsWith("=") || part.startsWith("%100%"))
      .map((part) => part.replace(/^(=|%100%)/, ""))
      .map((part) => unescapeCloze(part.split(/(?<!\\)#/)[0]).trim())
      .filter(Boolean);
    blanks.push(accepted);
    return "____";
  });
  if (unsupported) return { error: "type_unsupported", field: "type" };
  if (blanks.length === 0 || blanks.some((accepted) => accepted.length === 0)) return { error: "answer_required", field: "answer" };
  const stem = child(question, "questiontext")?.["@_format"] === "html" ? htmlToMarkdown(withBlanks) : withBlanks.trim();
  return { ...base, stem, type: "FILL_IN", answer: blanks, caseInsensitive: !caseSensitive, partialCredit: ownRule(question) ?? "RIGHT_MINUS_WRONG" };
}

/** Alternatives of a cloze blank, split at unescaped "~". */
function splitCloze(body: string): string[] {
  return body.split(/(?<!\\)~/).map((part) => part.trim());
}

const unescapeCloze = (text: string) => text.replace(/\\([}#~/"\\])/g, "$1");

/** The 1-based line of each <question> start tag, in document order, skipping comments and CDATA. */
function questionLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "\n") line++;
    else if (char === "<") {
      const skipTo = text.startsWith("<!--", i) ? "-->" : text.startsWith("<![CDATA[", i) ? "]]>" : null;
      if (skipTo) {
        const end = text.indexOf(skipTo, i);
        const stop = end < 0 ? text.length : end + skipTo.length;
        for (let j = i; j < stop; j++) if (text[j] === "\n") line++;
        i = stop - 1;
      } else if (/^<question[\s>]/.test(text.slice(i, i + 10))) lines.push(line);
    }
  }
  return lines;
}
