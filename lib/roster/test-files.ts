import ExcelJS from "exceljs";
import type { RosterFile } from "./parse-roster-file";

// Builders for roster files in tests: the workbook is generated with exceljs like a teacher's Excel would save it.

export async function xlsxFile(rows: unknown[][], name = "名单.xlsx"): Promise<RosterFile> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("名单");
  rows.forEach((row) => sheet.addRow(row));
  return { name, bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) };
}

export function csvFile(text: string, name = "名单.csv"): RosterFile {
  return { name, bytes: new TextEncoder().encode(text) };
}

export const rosterCsv = (rows: string[][], header = ["学号", "姓名", "班级", "小组"]) =>
  csvFile([header, ...rows].map((row) => row.join(",")).join("\r\n"));
