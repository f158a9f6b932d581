import type { PartialCredit, QuestionType } from "@/generated/prisma/client";
import type { DraftCase } from "./types";

/**
 * How the spreadsheet template's cells are read (the rules the template's 说明 sheet states). Every reader returns
 * null for text it cannot read, so the caller reports the cell.
 */

const squash = (text: string) => text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();

/** 题型 → type; `caseRequired` for A3/A4 (共用题干), which need a 病例. */
export interface TypeWord {
  type: QuestionType;
  caseRequired: boolean;
}

const TYPE_WORDS: [QuestionType, boolean, string[]][] = [
  ["SINGLE", false, ["单选", "单项选择", "最佳选择", "a", "a1", "a2", "b", "b1", "a1/a2", "single", "singlechoice"]],
  ["SINGLE", true, ["a3", "a4", "a3/a4", "a3a4", "病例组", "共用题干", "共用题干单选", "case"]],
  ["MULTIPLE", false, ["多选", "多项选择", "不定项选择", "x", "multiple", "multiplechoice", "multi"]],
  ["TRUE_FALSE", false, ["判断", "是非", "对错", "truefalse", "true/false", "tf"]],
  ["FILL_IN", false, ["填空", "fill", "fillin", "fill-in", "blank", "cloze"]],
  ["SHORT_ANSWER", false, ["简答", "问答", "论述", "名词解释", "病例分析", "主观", "short", "shortanswer", "essay"]],
];

/** "A1型题", "单项选择题", "X型", "判断" …: the trailing 题 and 型 say nothing. */
export function parseTypeWord(text: string): TypeWord | null {
  const word = squash(text).replace(/题$/, "").replace(/型$/, "");
  if (!word) return null;
  for (const [type, caseRequired, words] of TYPE_WORDS) {
    if (words.includes(word)) return { type, caseRequired };
  }
  return null;
}

/** "B", "ACD", "A,C,D", "A、C、D", "ａｃ": option keys in order, or null when anything else is in the cell. */
export function parseChoiceKeys(text: string): string[] | null {
  const letters = text.normalize("NFKC").toUpperCase().replace(/[\s,，、;；/|.．]+/g, "");
  if (!/^[A-Z]+$/.test(letters)) return null;
  return [...letters];
}

const TRUE_WORDS = new Set(["对", "√", "✓", "✔", "正确", "是", "t", "true", "y", "yes", "1"]);
const FALSE_WORDS = new Set(["错", "×", "✗", "✘", "x", "错误", "否", "不对", "f", "false", "n", "no", "0"]);

/** 对/错, √/×, 正确/错误, T/F, true/false, 是/否 …; null for anything else. */
export function parseTrueFalse(text: string): boolean | null {
  const word = squash(text);
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

/**
 * Fill-in answers: blanks separated by "|", accepted alternatives of one blank by "/" (full-width ｜ and ／ too).
 * A literal | or / inside an answer is written \| or \/ (e.g. "120\/80"). null when a blank has no answer.
 */
export function parseFillIn(text: string): string[][] | null {
  const blanks: string[][] = [[]];
  let current = "";
  const endAlternative = () => {
    blanks[blanks.length - 1].push(current.trim());
    current = "";
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "\\" && i + 1 < text.length && "|/｜／\\".includes(text[i + 1])) {
      current += text[++i];
    } else if (char === "|" || char === "｜") {
      endAlternative();
      blanks.push([]);
    } else if (char === "/" || char === "／") {
      endAlternative();
    } else {
      current += char;
    }
  }
  endAlternative();
  const cleaned = blanks.map((alternatives) => alternatives.filter(Boolean));
  return cleaned.every((alternatives) => alternatives.length > 0) ? cleaned : null;
}

/** Writes accepted answers back in the same syntax (the export uses it). */
export function formatFillIn(answer: readonly (readonly string[])[]): string {
  const escape = (text: string) => text.replace(/[\\|/｜／]/g, (char) => `\\${char}`);
  return answer.map((alternatives) => alternatives.map(escape).join("/")).join("|");
}

const DIFFICULTY_WORDS: Record<string, number> = {
  易: 1,
  容易: 1,
  简单: 1,
  easy: 1,
  较易: 2,
  较容易: 2,
  中: 3,
  中等: 3,
  一般: 3,
  适中: 3,
  medium: 3,
  较难: 4,
  难: 5,
  困难: 5,
  hard: 5,
};

/** 1–5 (blank → 3), or 易/较易/中等/较难/难. */
export function parseDifficulty(text: string): number | null {
  const word = squash(text);
  if (!word) return 3;
  if (/^[1-5](\.0+)?$/.test(word)) return Number(word);
  return DIFFICULTY_WORDS[word] ?? null;
}

const SCORING_WORDS: [PartialCredit, string[]][] = [
  ["ALL_OR_NOTHING", ["全对", "全对得分", "全部正确", "全对才得分", "all", "all_or_nothing", "allornothing"]],
  ["HALF_FOR_SUBSET", ["漏选半分", "漏选得半", "漏选得一半", "少选半分", "半分", "half", "half_for_subset"]],
  ["RIGHT_MINUS_WRONG", ["对减错", "按对错", "按空计分", "按空", "每空计分", "per_blank", "right_minus_wrong"]],
];

/** 计分: blank → all or nothing; 全对 / 漏选半分 / 对减错 (multiple choice), 全对 / 按空计分 (fill-in). */
export function parseScoring(text: string): PartialCredit | null {
  const word = squash(text);
  if (!word) return "ALL_OR_NOTHING";
  return SCORING_WORDS.find(([, words]) => words.includes(word))?.[0] ?? null;
}

export function scoringLabel(type: QuestionType, rule: PartialCredit): string {
  if (type === "FILL_IN") return rule === "ALL_OR_NOTHING" ? "全对" : "按空计分";
  if (type !== "MULTIPLE") return "";
  return { ALL_OR_NOTHING: "全对", HALF_FOR_SUBSET: "漏选半分", RIGHT_MINUS_WRONG: "对减错" }[rule];
}

/** 区分大小写: blank or 否 → compare ignoring case; 是 → exactly. Returns caseInsensitive. */
export function parseCaseSensitive(text: string): boolean | null {
  const word = squash(text);
  if (!word || ["否", "不区分", "n", "no", "false", "0", "×"].includes(word)) return true;
  if (["是", "区分", "y", "yes", "true", "1", "√"].includes(word)) return false;
  return null;
}

/**
 * 病例: "【病例1】患者男，58岁……" names the case 病例1 and gives its vignette; "【病例1】" alone joins that case.
 * Without a 【key】 the whole text is the vignette, and rows with the same text (a merged cell) form one case.
 */
export function parseCaseCell(text: string): DraftCase | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const keyed = /^[【[]\s*([^】\]\n]{1,40}?)\s*[】\]]([\s\S]*)$/.exec(trimmed);
  if (keyed) return { key: keyed[1], vignette: keyed[2].trim() || null };
  return { key: trimmed.replace(/\s+/g, " "), vignette: trimmed };
}

export const caseCellOf = (key: string, vignette: string | null) => `【${key}】${vignette ?? ""}`;
