import { diffLines, diffWordsWithSpace } from "diff";

/** A run of text in a diff row; `changed` marks the words that were removed (in a removed row) or added. */
export interface DiffSegment {
  text: string;
  changed: boolean;
}

export type DiffRow =
  | { kind: "same" | "added" | "removed"; segments: DiffSegment[] }
  /** Unchanged lines left out between changes. */
  | { kind: "skip"; lines: number };

type ChangedRow = Exclude<DiffRow, { kind: "skip" }>;

export interface PlanDiff {
  rows: DiffRow[];
  added: number;
  removed: number;
}

/** Unchanged lines shown around each change. */
const CONTEXT_LINES = 3;
/** Word-level highlighting of a rewritten block costs time quadratic in its size; beyond this, whole lines it is. */
const WORD_DIFF_MAX_CHARS = 6000;

/** Line diff of two plan versions, with the changed words highlighted inside rewritten lines. */
export function diffPlans(before: string, after: string): PlanDiff {
  const parts = diffLines(withFinalNewline(before), withFinalNewline(after));
  const rows: ChangedRow[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      rows.push(...rewrittenRows(part.value, next.value));
      i++;
    } else {
      const kind: ChangedRow["kind"] = part.added ? "added" : part.removed ? "removed" : "same";
      rows.push(...linesOf(part.value).map((text) => ({ kind, segments: [{ text, changed: kind !== "same" }] })));
    }
  }
  return {
    rows: collapseUnchanged(rows),
    added: rows.filter((row) => row.kind === "added").length,
    removed: rows.filter((row) => row.kind === "removed").length,
  };
}

/** How many lines a version added and removed, for summaries that do not show the diff itself. */
export function countChangedLines(before: string, after: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const part of diffLines(withFinalNewline(before), withFinalNewline(after))) {
    if (part.added) added += linesOf(part.value).length;
    if (part.removed) removed += linesOf(part.value).length;
  }
  return { added, removed };
}

// A last line without its newline would otherwise count as changed when a line is appended after it.
const withFinalNewline = (text: string) => (text === "" || text.endsWith("\n") ? text : `${text}\n`);
const withoutFinalNewline = (text: string) => (text.endsWith("\n") ? text.slice(0, -1) : text);

function linesOf(block: string): string[] {
  return block === "" ? [] : withoutFinalNewline(block).split("\n");
}

/** A removed block followed by an added one: the same lines rewritten, so the words that differ are marked. */
function rewrittenRows(removedBlock: string, addedBlock: string): ChangedRow[] {
  const before = withoutFinalNewline(removedBlock);
  const after = withoutFinalNewline(addedBlock);
  if (before.length + after.length > WORD_DIFF_MAX_CHARS) {
    return [
      ...linesOf(removedBlock).map((text) => ({ kind: "removed" as const, segments: [{ text, changed: true }] })),
      ...linesOf(addedBlock).map((text) => ({ kind: "added" as const, segments: [{ text, changed: true }] })),
    ];
  }
  const removedLines = new LineBuilder();
  const addedLines = new LineBuilder();
  // diffWords takes whitespace from either side as it likes, which would move line breaks; this variant keeps both
  // texts exact, so every row is a real line of its version.
  for (const word of diffWordsWithSpace(before, after)) {
    if (!word.added) removedLines.push(word.value, word.removed);
    if (!word.removed) addedLines.push(word.value, word.added);
  }
  return [
    ...removedLines.lines.map((segments) => ({ kind: "removed" as const, segments })),
    ...addedLines.lines.map((segments) => ({ kind: "added" as const, segments })),
  ];
}

/** Splits a stream of word segments into lines, merging neighbours with the same marking. */
class LineBuilder {
  readonly lines: DiffSegment[][] = [[]];

  push(text: string, changed: boolean) {
    text.split("\n").forEach((piece, index) => {
      if (index > 0) this.lines.push([]);
      if (piece === "") return;
      const line = this.lines[this.lines.length - 1];
      const last = line[line.length - 1];
      if (last && last.changed === changed) last.text += piece;
      else line.push({ text: piece, changed });
    });
  }
}

/** Keeps CONTEXT_LINES unchanged lines around every change and replaces longer unchanged stretches by a skip row. */
function collapseUnchanged(rows: ChangedRow[]): DiffRow[] {
  const out: DiffRow[] = [];
  let start = 0;
  while (start < rows.length) {
    if (rows[start].kind !== "same") {
      out.push(rows[start++]);
      continue;
    }
    let end = start;
    while (end < rows.length && rows[end].kind === "same") end++;
    const keepBefore = start === 0 ? 0 : CONTEXT_LINES;
    const keepAfter = end === rows.length ? 0 : CONTEXT_LINES;
    const hidden = end - start - keepBefore - keepAfter;
    if (hidden > 1) {
      out.push(...rows.slice(start, start + keepBefore), { kind: "skip", lines: hidden }, ...rows.slice(end - keepAfter, end));
    } else {
      out.push(...rows.slice(start, end));
    }
    start = end;
  }
  return out;
}
