import { AppError } from "@/lib/errors";
import { decodeText } from "@/lib/roster/parse-roster-file";
import { extensionOf } from "@/lib/uploads/file-types";
import { sniffType } from "@/lib/uploads/sniff-type";
import { parseCsv } from "./formats/csv";
import { parseGift } from "./formats/gift";
import { parseMoodleXml } from "./formats/moodle-xml";
import type { ImportFormat, ParsedQuestions } from "./formats/types";
import { parseXlsx } from "./formats/xlsx";
import { QBANK_LIMITS } from "./schemas";

export interface QuestionFile {
  name: string;
  bytes: Uint8Array;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The format a file is in, from its extension, checked against its content: a workbook must really be one
 * (sniffed as the uploads module does) and a text format must be text (no zip, no NUL bytes).
 */
export function formatOf(file: QuestionFile): ImportFormat {
  const extension = extensionOf(file.name.trim());
  const isText = !file.bytes.includes(0) && !(file.bytes[0] === 0x50 && file.bytes[1] === 0x4b);
  if (extension === "xlsx") {
    if (sniffType(file.bytes) !== XLSX) throw new AppError("qbank.wrong_file_type");
    return "xlsx";
  }
  const byExtension: Record<string, ImportFormat> = { csv: "csv", txt: "gift", gift: "gift", xml: "moodle-xml" };
  const format = byExtension[extension];
  if (!format || !isText) throw new AppError("qbank.wrong_file_type");
  return format;
}

/** Reads a question file of any supported format; file-level problems throw (file.* / qbank.*), question-level ones are returned. */
export async function readQuestionFile(file: QuestionFile): Promise<{ format: ImportFormat; parsed: ParsedQuestions }> {
  if (file.bytes.byteLength === 0) throw new AppError("file.empty");
  if (file.bytes.byteLength > QBANK_LIMITS.fileBytes) throw new AppError("file.too_large", { maxBytes: QBANK_LIMITS.fileBytes });
  const format = formatOf(file);
  const parsed =
    format === "xlsx"
      ? await parseXlsx(file.bytes)
      : format === "csv"
        ? parseCsv(file.bytes)
        : format === "gift"
          ? parseGift(decodeText(file.bytes))
          : parseMoodleXml(decodeText(file.bytes));
  if (parsed.drafts.length + parsed.errors.length === 0) throw new AppError("qbank.no_questions");
  if (parsed.drafts.length > QBANK_LIMITS.importQuestions) throw new AppError("qbank.too_many_questions", { max: QBANK_LIMITS.importQuestions });
  return { format, parsed };
}
