import ExcelJS from "exceljs";
import { AppError } from "@/lib/errors";
import { type GridRow, tableToDrafts } from "./table";
import type { ParsedQuestions } from "./types";

/** The sheet questions are read from: the one named 题目 (as in the template), else the first. */
export const QUESTION_SHEET = "题目";

/**
 * Reads the Excel template (or a teacher's own sheet with the same headers). A cell merged down over several rows
 * (a 病例 vignette spanning its A3/A4 questions, a 题型 written once) counts in each of those rows; a cell merged
 * across columns counts only in its first column; rows with nothing of their own (inside a tall merge) are skipped.
 */
export async function parseXlsx(bytes: Uint8Array): Promise<ParsedQuestions> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    throw new AppError("file.unreadable");
  }
  const sheet = workbook.getWorksheet(QUESTION_SHEET) ?? workbook.worksheets[0];
  if (!sheet) throw new AppError("file.unreadable");
  const grid: GridRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    const cells: string[] = [];
    let own = false;
    for (let column = 1; column <= row.cellCount; column++) {
      const cell = row.getCell(column);
      const master = cell.isMerged ? cell.master : cell;
      if (master !== cell && master.row === cell.row) {
        cells.push("");
        continue;
      }
      const text = cellText(master);
      if (master === cell && text.trim() !== "") own = true;
      cells.push(text);
    }
    if (own) grid.push({ row: rowNumber, cells });
  });
  return tableToDrafts(grid);
}

function cellText(cell: ExcelJS.Cell): string {
  try {
    return cell.text ?? "";
  } catch {
    // Formula cells with error results and similar oddities have no text; treat them as empty.
    return "";
  }
}
