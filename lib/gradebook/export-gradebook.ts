import ExcelJS from "exceljs";
import type { Actor } from "@/lib/auth/authz";
import { roundPercent } from "./combine-grades";
import { type CourseGradebook, getCourseGradebook } from "./get-course-gradebook";

export type GradebookFormat = "xlsx" | "csv";

export interface GradebookFile {
  filename: string;
  /** ASCII name for old clients. */
  fallbackName: string;
  contentType: string;
  body: Uint8Array<ArrayBuffer>;
}

type Cell = string | number | null;

const KIND_LABEL: Record<CourseGradebook["activities"][number]["kind"], string> = { quiz: "测验", homework: "作业", peer: "互评" };

/** The summary table: one row per student, one column per assessment item, then the total. */
function summaryRows(book: CourseGradebook): Cell[][] {
  const header = ["学号", "姓名", "班级", ...book.items.map((item) => `${item.name}（${item.weight}%）`), "总评（%）", "已计入权重（%）"];
  const rows = book.students.map((student) => [
    student.no,
    student.name,
    student.className ?? "",
    ...student.items.map((item) => (item.percent === null ? null : roundPercent(item.percent))),
    student.total === null ? null : roundPercent(student.total),
    student.countedWeight,
  ]);
  return [header, ...rows];
}

/** Every quiz, released homework and released peer review as its own column, for checking an item's mean. */
function detailRows(book: CourseGradebook): Cell[][] {
  const itemName = new Map(book.items.map((item) => [item.id, item.name]));
  const header = [
    "学号",
    "姓名",
    ...book.activities.map((activity) => `${KIND_LABEL[activity.kind]}：${activity.title}（${itemName.get(activity.itemId ?? "") ?? "未计入"}）`),
  ];
  const rows = book.students.map((student) => [
    student.no,
    student.name,
    ...book.activities.map((activity) => (activity.id in student.percents ? roundPercent(student.percents[activity.id]) : null)),
  ]);
  return [header, ...rows];
}

/** The course's gradebook as a download (grades.view): .xlsx with a summary and a detail sheet, or UTF-8 CSV. */
export async function exportGradebook(actor: Actor, courseId: string, format: GradebookFormat): Promise<GradebookFile> {
  const book = await getCourseGradebook(actor, courseId);
  const base = `${book.course.code}-成绩册`;
  if (format === "csv") {
    return {
      filename: `${base}.csv`,
      fallbackName: `${book.course.code}-gradebook.csv`,
      contentType: "text/csv; charset=utf-8",
      body: new TextEncoder().encode(toCsv(summaryRows(book))),
    };
  }
  return {
    filename: `${base}.xlsx`,
    fallbackName: `${book.course.code}-gradebook.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: await toXlsx(book),
  };
}

async function toXlsx(book: CourseGradebook): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "MedBlend";
  for (const [name, rows] of [
    ["成绩", summaryRows(book)],
    ["明细", detailRows(book)],
  ] as const) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    rows.forEach((row) => sheet.addRow(row));
    sheet.getRow(1).font = { bold: true };
    // Text format keeps long 学号 from turning into 2.02301E+09 and keeps leading zeros.
    sheet.getColumn(1).numFmt = "@";
    sheet.columns.forEach((column, i) => {
      column.width = i === 0 ? 14 : i === 1 ? 10 : 16;
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A CSV cell that a spreadsheet would run as a formula (=, +, -, @ …) is written as text instead. */
const safeText = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

function csvCell(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  const text = safeText(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** With a BOM, so that Excel opens the UTF-8 file with the Chinese headers intact. */
function toCsv(rows: Cell[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
