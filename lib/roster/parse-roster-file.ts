import ExcelJS from "exceljs";
import { parse as parseCsv } from "csv-parse/sync";
import { AppError } from "@/lib/errors";
import { ROSTER_LIMITS } from "./schemas";

export type RosterColumn = "no" | "name" | "class" | "group";
export const ROSTER_COLUMNS: readonly RosterColumn[] = ["no", "name", "class", "group"];
const REQUIRED_COLUMNS: readonly RosterColumn[] = ["no", "name"];

/** Header texts accepted for each column: the template's Chinese ones and plain English. */
const HEADER_ALIASES: Record<RosterColumn, readonly string[]> = {
  no: ["学号", "no"],
  name: ["姓名", "name"],
  class: ["班级", "class"],
  group: ["小组", "group"],
};

export interface RosterFile {
  name: string;
  bytes: Uint8Array;
}

/** One data row as written in the file; `row` is the row number the teacher sees in Excel (the header is row 1). */
export interface RosterFileRow {
  row: number;
  no: string;
  name: string;
  className: string;
  group: string;
}

interface GridRow {
  row: number;
  cells: string[];
}

// A title line such as "2023级临床医学1班名单" often sits above the header.
const HEADER_SEARCH_ROWS = 10;

/**
 * Reads an uploaded roster (.xlsx or .csv) into rows. Checks the file before reading it: the extension and the
 * content must agree, the size and the number of rows are bounded. Throws AppError with a file.* or roster.* code.
 */
export async function parseRosterFile(file: RosterFile): Promise<RosterFileRow[]> {
  const kind = fileKindOf(file);
  if (file.bytes.byteLength === 0) throw new AppError("file.empty");
  if (file.bytes.byteLength > ROSTER_LIMITS.fileBytes) throw new AppError("file.too_large", { maxBytes: ROSTER_LIMITS.fileBytes });
  const grid = kind === "xlsx" ? await readXlsx(file.bytes) : readCsv(file.bytes);
  return rowsOf(grid);
}

function fileKindOf(file: RosterFile): "xlsx" | "csv" {
  const extension = /\.([^.]+)$/.exec(file.name.trim())?.[1]?.toLowerCase();
  const isZip = file.bytes[0] === 0x50 && file.bytes[1] === 0x4b && file.bytes[2] === 0x03 && file.bytes[3] === 0x04;
  if (extension === "xlsx") {
    if (file.bytes.byteLength > 0 && !isZip) throw new AppError("file.wrong_type");
    return "xlsx";
  }
  if (extension === "csv") {
    // A renamed workbook or any other binary file: text never contains NUL bytes.
    if (isZip || file.bytes.includes(0)) throw new AppError("file.wrong_type");
    return "csv";
  }
  throw new AppError("file.wrong_type");
}

async function readXlsx(bytes: Uint8Array): Promise<GridRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    throw new AppError("file.unreadable");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError("file.unreadable");
  const grid: GridRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column)));
    grid.push({ row: rowNumber, cells });
  });
  return grid;
}

function cellText(cell: ExcelJS.Cell): string {
  try {
    return cell.text ?? "";
  } catch {
    // Formula cells with error results and similar oddities have no text; treat them as empty.
    return "";
  }
}

function readCsv(bytes: Uint8Array): GridRow[] {
  let records: string[][];
  try {
    records = parseCsv(decodeText(bytes), { relax_column_count: true, skip_empty_lines: false, bom: true });
  } catch {
    throw new AppError("file.unreadable");
  }
  return records.map((cells, index) => ({ row: index + 1, cells }));
}

/** UTF-8 (with or without BOM) first; Excel in Chinese Windows saves CSV as GBK, a subset of GB18030. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

const normalizeHeader = (text: string): string => text.normalize("NFKC").replace(/[\s*]/g, "").toLowerCase();

function columnIndexes(cells: string[]): Partial<Record<RosterColumn, number>> {
  const indexes: Partial<Record<RosterColumn, number>> = {};
  cells.forEach((text, index) => {
    const header = normalizeHeader(text);
    const column = ROSTER_COLUMNS.find((c) => HEADER_ALIASES[c].includes(header));
    if (column && indexes[column] === undefined) indexes[column] = index;
  });
  return indexes;
}

const isBlank = (row: GridRow) => row.cells.every((cell) => cell.trim() === "");

function rowsOf(grid: GridRow[]): RosterFileRow[] {
  const filled = grid.filter((row) => !isBlank(row));
  if (filled.length === 0) throw new AppError("file.empty");
  const headerAt = filled
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((row) => REQUIRED_COLUMNS.every((column) => columnIndexes(row.cells)[column] !== undefined));
  if (headerAt < 0) {
    const found = columnIndexes(filled[0].cells);
    throw new AppError("roster.missing_columns", { columns: REQUIRED_COLUMNS.filter((column) => found[column] === undefined) });
  }
  const indexes = columnIndexes(filled[headerAt].cells);
  const data = filled.slice(headerAt + 1);
  if (data.length === 0) throw new AppError("file.empty");
  if (data.length > ROSTER_LIMITS.rows) throw new AppError("roster.too_many_rows", { max: ROSTER_LIMITS.rows });
  const cellOf = (row: GridRow, column: RosterColumn) => {
    const index = indexes[column];
    return index === undefined ? "" : (row.cells[index] ?? "").trim();
  };
  return data.map((row) => ({
    row: row.row,
    no: cellOf(row, "no"),
    name: cellOf(row, "name"),
    className: cellOf(row, "class"),
    group: cellOf(row, "group"),
  }));
}
