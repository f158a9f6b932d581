import { type ExportQuestion, groupCases } from "./export-xlsx";
import { BLANK_PLACEHOLDER } from "./formats/text";

/**
 * The bank as Moodle XML (see formats/moodle-xml.ts for the mapping), which Moodle and this app's own import both
 * read. Text goes out as format="markdown" in CDATA, exactly as stored. A case set is a description item named
 * 【病例n】 followed by its questions named 【病例n】 1, 2 …; a fill-in with several blanks is a cloze question.
 */
export function questionsToMoodleXml(questions: ExportQuestion[]): string {
  const items: string[] = [];
  let counter = 0;
  for (const { question, caseKey, first } of groupCases(questions)) {
    counter++;
    if (caseKey && first && question.case) {
      items.push(element("question", { type: "description" }, [named(`【${caseKey}】`), rich("questiontext", question.case.vignette), "<defaultgrade>0</defaultgrade>"]));
    }
    const position = caseKey ? questions.filter((q) => q.case?.id === question.case?.id).indexOf(question) + 1 : 0;
    const name = caseKey ? `【${caseKey}】 ${position}` : `${counter}. ${plainName(question.stem)}`;
    items.push(questionXml(question, name));
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${items.join("\n")}\n</quiz>\n`;
}

const blanksOf = (question: ExportQuestion): string[][] => (Array.isArray(question.answer) ? (question.answer as string[][]) : []);

function questionXml(question: ExportQuestion, name: string): string {
  const answer = Array.isArray(question.answer) ? (question.answer as unknown[]) : [];
  const blanks = blanksOf(question);
  // A fill-in with several blanks is a cloze question: the answers sit in the text.
  const cloze = question.type === "FILL_IN" && blanks.length > 1;
  const head = [named(name), rich("questiontext", cloze ? clozeText(question.stem, blanks, question.caseInsensitive) : question.stem)];
  const common = [
    rich("generalfeedback", question.explanation),
    "<defaultgrade>1</defaultgrade>",
    "<penalty>0</penalty>",
    "<hidden>0</hidden>",
    `<difficulty>${question.difficulty}</difficulty>`,
    `<partialcredit>${question.partialCredit}</partialcredit>`,
    question.tags.length ? `<tags>${question.tags.map((tag) => `<tag><text>${escapeXml(tag)}</text></tag>`).join("")}</tags>` : "",
  ];
  switch (question.type) {
    case "SINGLE":
    case "MULTIPLE": {
      const right = new Set(answer.map(String));
      const share = fraction(100 / Math.max(right.size, 1));
      const answers = question.options.map((option) => {
        const value = question.type === "SINGLE" ? (right.has(option.key) ? "100" : "0") : right.has(option.key) ? share : `-${share}`;
        return element("answer", { fraction: value, format: "markdown" }, [cdataText(option.text)]);
      });
      return element("question", { type: "multichoice" }, [
        ...head,
        ...common,
        `<single>${question.type === "SINGLE"}</single>`,
        "<shuffleanswers>true</shuffleanswers>",
        "<answernumbering>ABCD</answernumbering>",
        ...answers,
      ]);
    }
    case "TRUE_FALSE":
      return element("question", { type: "truefalse" }, [
        ...head,
        ...common,
        element("answer", { fraction: answer[0] === true ? "100" : "0", format: "moodle_auto_format" }, ["<text>true</text>"]),
        element("answer", { fraction: answer[0] === false ? "100" : "0", format: "moodle_auto_format" }, ["<text>false</text>"]),
      ]);
    case "FILL_IN": {
      if (!cloze) {
        return element("question", { type: "shortanswer" }, [
          ...head,
          ...common,
          `<usecase>${question.caseInsensitive ? 0 : 1}</usecase>`,
          ...(blanks[0] ?? []).map((text) => element("answer", { fraction: "100", format: "moodle_auto_format" }, [`<text>${escapeXml(text)}</text>`])),
        ]);
      }
      return element("question", { type: "cloze" }, [...head, ...common]);
    }
    case "SHORT_ANSWER":
      return element("question", { type: "essay" }, [
        ...head,
        ...common,
        "<responseformat>editor</responseformat>",
        "<responsefieldlines>10</responsefieldlines>",
        rich("graderinfo", question.referenceAnswer),
      ]);
  }
}

/** The stem with each blank placeholder replaced by its embedded answer; blanks without a placeholder go at the end. */
function clozeText(stem: string, blanks: string[][], caseInsensitive: boolean): string {
  const kind = caseInsensitive ? "SHORTANSWER" : "SHORTANSWER_C";
  const embedded = blanks.map((accepted) => `{1:${kind}:${accepted.map((text) => `=${escapeCloze(text)}`).join("~")}}`);
  let used = 0;
  const text = stem.replace(BLANK_PLACEHOLDER, (placeholder) => (used < embedded.length ? embedded[used++] : placeholder));
  return used < embedded.length ? `${text} ${embedded.slice(used).join(" ")}` : text;
}

const escapeCloze = (text: string) => text.replace(/[}#~/"\\]/g, (char) => `\\${char}`);

/** Moodle's grade fractions have up to 7 decimals (33.33333, 16.66667). */
const fraction = (value: number) => String(Math.round(value * 100000) / 100000);

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** CDATA cannot contain "]]>": it is split across two sections. */
const cdataText = (text: string) => `<text><![CDATA[${text.replace(/]]>/g, "]]]]><![CDATA[>")}]]></text>`;

const rich = (tag: string, text: string) => `<${tag} format="markdown">${cdataText(text)}</${tag}>`;

const named = (name: string) => `<name><text>${escapeXml(name)}</text></name>`;

function element(tag: string, attributes: Record<string, string>, inner: string[]): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join("");
  return `<${tag}${attrs}>\n  ${inner.filter(Boolean).join("\n  ")}\n</${tag}>`;
}

/** A short name from the stem, for Moodle's question list (first line, no Markdown marks). */
function plainName(stem: string): string {
  const line = stem.replace(/[#*_`>[\]]/g, "").split("\n").find((l) => l.trim()) ?? "";
  const chars = [...line.trim()];
  return chars.length > 40 ? `${chars.slice(0, 40).join("")}…` : chars.join("");
}
