import ExcelJS from "exceljs";
import type { QuestionFile } from "./read-question-file";

// Builders for question files in tests: workbooks are generated with exceljs as Excel would save them.

export const HEADER = ["题型", "题干", "选项A", "选项B", "选项C", "选项D", "选项E", "选项F", "答案", "解析", "难度", "标签", "病例"];

/** A row in the template's column order; missing trailing cells are blank. */
export const row = (values: Partial<Record<(typeof HEADER)[number], string | number>>) => HEADER.map((h) => values[h] ?? "");

export async function xlsxBytes(rows: unknown[][], options: { merges?: string[]; sheetName?: string; before?: unknown[][] } = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? "题目");
  for (const line of options.before ?? []) sheet.addRow(line);
  rows.forEach((line) => sheet.addRow(line));
  for (const range of options.merges ?? []) sheet.mergeCells(range);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function xlsxFile(rows: unknown[][], options: Parameters<typeof xlsxBytes>[1] = {}): Promise<QuestionFile> {
  return { name: "题库.xlsx", bytes: await xlsxBytes(rows, options) };
}

export const textFile = (name: string, text: string): QuestionFile => ({ name, bytes: new TextEncoder().encode(text) });

const csvCell = (value: unknown) => {
  const text = String(value ?? "");
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvText = (rows: unknown[][]) => rows.map((line) => line.map(csvCell).join(",")).join("\r\n");
