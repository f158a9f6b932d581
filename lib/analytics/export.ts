import { PassThrough } from "node:stream";
import { buffer } from "node:stream/consumers";
import ExcelJS from "exceljs";

/*
 * Tables to .xlsx (bold, frozen header row; widths from the content, counting CJK characters double) and to CSV
 * (UTF-8 with a BOM so that Excel opens the Chinese correctly, CRLF, RFC 4180 quoting). One column spec drives both.
 */

export type CellValue = string | number | null;

export type ColumnFormat = "text" | "integer" | "decimal" | "percent";

export interface ExportColumn<Row> {
  header: string;
  value: (row: Row) => CellValue;
  /** percent: the value is a share 0–1, shown as 12.5%; decimal: one decimal place. */
  format?: ColumnFormat;
}

export interface ExportTable<Row> {
  sheet: string;
  columns: readonly ExportColumn<Row>[];
  rows: readonly Row[];
}

export type ExportFormat = "xlsx" | "csv";

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Uint8Array<ArrayBuffer>;
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
const NUM_FMT: Record<ColumnFormat, string | undefined> = { text: "@", integer: "0", decimal: "0.0", percent: "0.0%" };

/** Code point ranges shown two columns wide: CJK and full-width characters. */
const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
];

/** Display width of a text: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A whole-school table has tens of thousands of cells: compare numbers, no regular expression per character.
    width += code >= 0x1100 && WIDE.some(([from, to]) => code >= from && code <= to) ? 2 : 1;
  }
  return width;
}

function formatForText(value: CellValue, format: ColumnFormat | undefined): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (format === "percent") return `${(value * 100).toFixed(1)}%`;
  if (format === "decimal") return value.toFixed(1);
  return String(value);
}

/** Every cell's value, each computed once (a value may be formatted text, such as at-risk reasons). */
const cellsOf = <Row>(table: ExportTable<Row>): CellValue[][] => table.rows.map((row) => table.columns.map((column) => column.value(row)));

export async function toXlsx<Row>(table: ExportTable<Row>): Promise<Uint8Array<ArrayBuffer>> {
  const cells = cellsOf(table);
  const out = new PassThrough();
  // The streaming writer zips with Node's zlib: a whole school's at-risk list is written about twice as fast as by
  // the in-memory workbook (which deflates in JavaScript).
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "MedBlend";
  const sheet = workbook.addWorksheet(table.sheet.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = table.columns.map((column, index) => {
    let widest = displayWidth(column.header);
    for (const values of cells) {
      if (widest >= MAX_WIDTH) break;
      widest = Math.max(widest, displayWidth(formatForText(values[index], column.format)));
    }
    const numFmt = NUM_FMT[column.format ?? "text"];
    return {
      header: column.header,
      key: `c${index}`,
      width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2)),
      ...(numFmt && column.format !== "text" && { style: { numFmt } }),
    };
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle" };
  for (const values of cells) sheet.addRow(values).commit();
  sheet.commit();
  const [, body] = await Promise.all([workbook.commit(), buffer(out)]);
  return new Uint8Array(body);
}

/** Text that a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
const neutralized = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
const quoted = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export function toCsv<Row>(table: ExportTable<Row>): Uint8Array<ArrayBuffer> {
  const lines = [table.columns.map((column) => quoted(column.header)).join(",")];
  for (const values of cellsOf(table)) {
    lines.push(
      values
        .map((value, index) => {
          const text = formatForText(value, table.columns[index].format);
          return quoted(typeof value === "string" ? neutralized(text) : text);
        })
        .join(","),
    );
  }
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
}

export async function exportFile<Row>(table: ExportTable<Row>, basename: string, format: ExportFormat): Promise<ExportFile> {
  return format === "xlsx"
    ? { filename: `${basename}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body: await toXlsx(table) }
    : { filename: `${basename}.csv`, contentType: "text/csv; charset=utf-8", body: toCsv(table) };
}
