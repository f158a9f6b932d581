import type { RosterColumn, RosterFileRow } from "./parse-roster-file";
import { ROSTER_LIMITS, STUDENT_NO_PATTERN, normalizeStudentNo } from "./schemas";

/** Reasons a row cannot be imported; each is a key in messages/<locale>/roster.json. */
export type RosterRowErrorCode =
  | "roster.row.no_required"
  | "roster.row.no_format"
  | "roster.row.no_duplicate"
  | "roster.row.not_student"
  | "roster.row.name_required"
  | "roster.row.name_too_long"
  | "roster.row.class_too_long"
  | "roster.row.group_too_long";

export interface RosterRowError {
  row: number;
  column: RosterColumn;
  code: RosterRowErrorCode;
}

export interface ValidatedRoster {
  /** Rows without errors, 学号 normalized. */
  rows: RosterFileRow[];
  errors: RosterRowError[];
}

// Characters, not UTF-16 units: a rare 姓 outside the BMP counts once.
const lengthOf = (text: string) => [...text].length;

/** Checks each row on its own and against the rows above it; no database access. */
export function validateRoster(input: RosterFileRow[]): ValidatedRoster {
  const rows: RosterFileRow[] = [];
  const errors: RosterRowError[] = [];
  const seen = new Set<string>();
  for (const raw of input) {
    const row = { ...raw, no: normalizeStudentNo(raw.no) };
    const rowErrors: RosterRowError[] = [];
    const fail = (column: RosterColumn, code: RosterRowErrorCode) => rowErrors.push({ row: row.row, column, code });
    if (!row.no) fail("no", "roster.row.no_required");
    else if (!STUDENT_NO_PATTERN.test(row.no)) fail("no", "roster.row.no_format");
    else if (seen.has(row.no)) fail("no", "roster.row.no_duplicate");
    if (!row.name) fail("name", "roster.row.name_required");
    else if (lengthOf(row.name) > ROSTER_LIMITS.nameMax) fail("name", "roster.row.name_too_long");
    if (lengthOf(row.className) > ROSTER_LIMITS.classMax) fail("class", "roster.row.class_too_long");
    if (lengthOf(row.group) > ROSTER_LIMITS.groupMax) fail("group", "roster.row.group_too_long");
    if (row.no) seen.add(row.no);
    if (rowErrors.length) errors.push(...rowErrors);
    else rows.push(row);
  }
  return { rows, errors };
}
