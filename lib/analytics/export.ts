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

/** Display width of a text: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}

function formatForText(value: CellValue, format: ColumnFormat | undefined): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (format === "percent") return `${(value * 100).toFixed(1)}%`;
  if (format === "decimal") return value.toFixed(1);
  return String(value);
}

export async function toXlsx<Row>(table: ExportTable<Row>): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "MedBlend";
  const sheet = workbook.addWorksheet(table.sheet.slice(0, 31));
  sheet.columns = table.columns.map((column, index) => {
    const widest = table.rows.reduce(
      (max, row) => Math.max(max, displayWidth(formatForText(column.value(row), column.format))),
      displayWidth(column.header),
    );
    const numFmt = NUM_FMT[column.format ?? "text"];
    return {
      header: column.header,
      key: `c${index}`,
      width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2)),
      ...(numFmt && column.format !== "text" && { style: { numFmt } }),
    };
  });
  for (const row of table.rows) sheet.addRow(table.columns.map((column) => column.value(row)));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle" };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Text that a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
const neutralized = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
const quoted = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export function toCsv<Row>(table: ExportTable<Row>): Uint8Array<ArrayBuffer> {
  const lines = [table.columns.map((column) => quoted(column.header)).join(",")];
  for (const row of table.rows) {
    lines.push(
      table.columns
        .map((column) => {
          const value = column.value(row);
          const text = formatForText(value, column.format);
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
