import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { authorizeBank } from "./authorize-bank";
import { bankQuestionWhere } from "./bank-scope";
import { questionsToMoodleXml } from "./export-moodle-xml";
import { questionWorkbook } from "./export-xlsx";
import { BANK_QUESTION_SELECT, filterToQuery, toBankQuestion } from "./queries";
import { type BankFilterInput, BankFilterSchema, QBANK_LIMITS } from "./schemas";

export type ExportFormat = "xlsx" | "moodle-xml";

export interface BankDownload {
  filename: string;
  asciiFilename: string;
  contentType: string;
  body: Uint8Array<ArrayBuffer>;
}

/**
 * The questions the bank list shows for a filter (all pages, oldest first), as an Excel file in the import
 * template's layout or as Moodle XML; both import back unchanged. Requires coursework.manage.
 */
export async function exportBank(actor: Actor, courseId: string, format: ExportFormat, filterInput: BankFilterInput = {}): Promise<BankDownload> {
  const course = await authorizeBank(actor, courseId);
  const filter = BankFilterSchema.parse(filterInput);
  const [courseRow, rows] = await Promise.all([
    db.course.findUniqueOrThrow({ where: { id: course.courseId }, select: { code: true, title: true } }),
    db.question.findMany({
      where: bankQuestionWhere(course, filterToQuery(filter)),
      orderBy: [{ createdAt: "asc" }, { casePosition: "asc" }, { id: "asc" }],
      take: QBANK_LIMITS.exportQuestions,
      select: BANK_QUESTION_SELECT,
    }),
  ]);
  const questions = rows.map((row) => toBankQuestion(row, course.courseId));
  const base = `${courseRow.title}-题库`;
  if (format === "xlsx") {
    return {
      filename: `${base}.xlsx`,
      asciiFilename: `${courseRow.code}-questions.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      body: await questionWorkbook(questions),
    };
  }
  return {
    filename: `${base}.xml`,
    asciiFilename: `${courseRow.code}-questions.xml`,
    contentType: "application/xml; charset=utf-8",
    body: new TextEncoder().encode(questionsToMoodleXml(questions)),
  };
}

/** The Excel import template: headers, and the rules with examples on its 说明 sheet. */
export async function getImportTemplate(actor: Actor, courseId: string): Promise<BankDownload> {
  await authorizeBank(actor, courseId);
  return {
    filename: "题库导入模板.xlsx",
    asciiFilename: "question-import-template.xlsx",
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: await questionWorkbook([]),
  };
}
