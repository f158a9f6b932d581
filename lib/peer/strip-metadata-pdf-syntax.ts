/**
 * Just enough of PDF's object syntax (ISO 32000-1 §7.2–7.3) for strip-metadata-pdf.ts: values with their byte
 * ranges, read from a latin1 string (one character per byte, so string offsets are byte offsets). Nothing is
 * decoded but names; strings are located, not read.
 */

interface Span {
  start: number;
  /** Just after the value's last byte. */
  end: number;
}

export type PdfValue = Span &
  (
    | { kind: "dict"; entries: [string, PdfValue][] }
    | { kind: "array"; items: PdfValue[] }
    /** From "(" or "<" to just after ")" or ">". */
    | { kind: "string"; hex: boolean }
    | { kind: "name"; name: string }
    | { kind: "ref"; num: number; gen: number }
    | { kind: "number"; value: number }
    /** true, false, null, and anything else bare. */
    | { kind: "keyword"; word: string }
  );

const isSpace = (char: string) => char === " " || char === "\n" || char === "\r" || char === "\t" || char === "\f" || char === "\0";
const DELIMITERS = "()<>[]{}/%";
const isRegular = (char: string | undefined) => char !== undefined && !isSpace(char) && !DELIMITERS.includes(char);

/** Past whitespace and comments. */
export function skipSpace(text: string, pos: number): number {
  while (pos < text.length) {
    if (isSpace(text[pos])) pos++;
    else if (text[pos] === "%") while (pos < text.length && text[pos] !== "\n" && text[pos] !== "\r") pos++;
    else break;
  }
  return pos;
}

/** Just after the literal string that opens at `open`, honouring escapes and balanced parentheses; -1 if unclosed. */
export function literalStringEnd(text: string, open: number): number {
  let depth = 0;
  for (let pos = open; pos < text.length; pos++) {
    const char = text[pos];
    if (char === "\\") pos++;
    else if (char === "(") depth++;
    else if (char === ")" && --depth === 0) return pos + 1;
  }
  return -1;
}

const MAX_DEPTH = 64;
const INTEGER = /^\d+$/;

/** The value that starts at or after `pos`, or null where the syntax cannot be followed. */
export function parseValue(text: string, pos: number, depth = 0): PdfValue | null {
  if (depth > MAX_DEPTH) return null;
  const start = skipSpace(text, pos);
  const char = text[start];
  if (char === undefined) return null;
  if (char === "<" && text[start + 1] === "<") return parseDict(text, start, depth);
  if (char === "<") {
    const close = text.indexOf(">", start);
    return close < 0 ? null : { kind: "string", hex: true, start, end: close + 1 };
  }
  if (char === "(") {
    const end = literalStringEnd(text, start);
    return end < 0 ? null : { kind: "string", hex: false, start, end };
  }
  if (char === "[") return parseArray(text, start, depth);
  if (char === "/") {
    let end = start + 1;
    while (isRegular(text[end])) end++;
    return { kind: "name", name: decodeName(text.slice(start + 1, end)), start, end };
  }
  if (!isRegular(char)) return null;
  let end = start;
  while (isRegular(text[end])) end++;
  const word = text.slice(start, end);
  if (INTEGER.test(word)) return refAfter(text, start, end, Number(word)) ?? { kind: "number", value: Number(word), start, end };
  const value = Number(word);
  return Number.isFinite(value) ? { kind: "number", value, start, end } : { kind: "keyword", word, start, end };
}

/** "12 0 R" when the integer just read is followed by a generation and R. */
function refAfter(text: string, start: number, numEnd: number, num: number): PdfValue | null {
  const genStart = skipSpace(text, numEnd);
  let genEnd = genStart;
  while (/\d/.test(text[genEnd] ?? "")) genEnd++;
  if (genEnd === genStart || isRegular(text[genEnd])) return null;
  const r = skipSpace(text, genEnd);
  if (text[r] !== "R" || isRegular(text[r + 1])) return null;
  return { kind: "ref", num, gen: Number(text.slice(genStart, genEnd)), start, end: r + 1 };
}

function parseDict(text: string, start: number, depth: number): PdfValue | null {
  const entries: [string, PdfValue][] = [];
  let pos = start + 2;
  for (;;) {
    pos = skipSpace(text, pos);
    if (text.startsWith(">>", pos)) return { kind: "dict", entries, start, end: pos + 2 };
    const key = parseValue(text, pos, depth + 1);
    if (key?.kind !== "name") return null;
    const value = parseValue(text, key.end, depth + 1);
    if (!value) return null;
    entries.push([key.name, value]);
    pos = value.end;
  }
}

function parseArray(text: string, start: number, depth: number): PdfValue | null {
  const items: PdfValue[] = [];
  let pos = start + 1;
  for (;;) {
    pos = skipSpace(text, pos);
    if (text[pos] === "]") return { kind: "array", items, start, end: pos + 1 };
    const item = parseValue(text, pos, depth + 1);
    if (!item) return null;
    items.push(item);
    pos = item.end;
  }
}

/** "Auth#6Fr" → "Author": a name may spell any of its characters as #xx. */
const decodeName = (raw: string) => raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** The values of `key` in a dictionary (a key given twice is read both ways, as different readers do). */
export const valuesOf = (dict: PdfValue, key: string): PdfValue[] =>
  dict.kind === "dict" ? dict.entries.filter(([name]) => name === key).map(([, value]) => value) : [];

export const nameOf = (dict: PdfValue, key: string): string | undefined => {
  const value = valuesOf(dict, key).at(-1);
  return value?.kind === "name" ? value.name : undefined;
};

/** Every dictionary in a value, itself included, depth first. */
export function* dictsIn(value: PdfValue): Generator<PdfValue> {
  if (value.kind === "dict") {
    yield value;
    for (const [, inner] of value.entries) yield* dictsIn(inner);
  } else if (value.kind === "array") {
    for (const item of value.items) yield* dictsIn(item);
  }
}
