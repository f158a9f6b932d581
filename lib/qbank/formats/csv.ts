import { parse } from "csv-parse/sync";
import { AppError } from "@/lib/errors";
import { decodeText } from "@/lib/roster/parse-roster-file";
import { type GridRow, tableToDrafts } from "./table";
import type { ParsedQuestions } from "./types";

/**
 * The template's columns as CSV: UTF-8 with or without BOM, or GBK/GB18030 as Excel saves "CSV" on a Chinese
 * Windows (decoded as the roster import does). Row numbers are records, as Excel shows them when it opens the file.
 */
export function parseCsv(bytes: Uint8Array): ParsedQuestions {
  let records: string[][];
  try {
    records = parse(decodeText(bytes), { relax_column_count: true, skip_empty_lines: false, bom: true, relax_quotes: true });
  } catch {
    throw new AppError("file.unreadable");
  }
  const grid: GridRow[] = records.map((cells, index) => ({ row: index + 1, cells }));
  return tableToDrafts(grid);
}
