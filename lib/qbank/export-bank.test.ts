import ExcelJS from "exceljs";
import { XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf } from "@/tests/factories";
import { createCaseSet } from "./create-case-set";
import { createQuestion } from "./create-question";
import { exportBank, getImportTemplate } from "./export-bank";
import { importQuestions } from "./import-questions";
import { fillBank, makeBankSchool } from "./test-fixtures";

type School = Awaited<ReturnType<typeof makeBankSchool>>;

/** A course's bank as comparable data: everything a question is, its case by vignette and position. */
async function bankOf(courseId: string) {
  const rows = await db.question.findMany({ where: { courseId }, include: { case: true } });
  return rows
    .map((q) => ({
      type: q.type,
      stem: q.stem,
      options: q.options,
      answer: q.answer,
      partialCredit: q.partialCredit,
      caseInsensitive: q.caseInsensitive,
      referenceAnswer: q.referenceAnswer,
      explanation: q.explanation,
      difficulty: q.difficulty,
      tags: q.tags,
      vignette: q.case?.vignette ?? null,
      casePosition: q.casePosition,
    }))
    .sort((a, b) => `${a.vignette}${a.casePosition}${a.stem}`.localeCompare(`${b.vignette}${b.casePosition}${b.stem}`));
}

describe("exportBank", () => {
  let s: School;
  beforeAll(async () => {
    s = await makeBankSchool();
    await fillBank(s.teacher, s.course.id);
    const teacher = actorOf(s.teacher);
    // Text that needs care in every format: XML and CDATA terminators, formula-like cells, separators, Markdown.
    await createQuestion(teacher, {
      courseId: s.course.id,
      question: {
        type: "SINGLE",
        stem: "**注意** a < b && c > d ]]> 结束\n\n- 第二段",
        options: [
          { key: "A", text: "=SUM(A1:A2)" },
          { key: "B", text: "+1 & \"引号\"" },
        ],
        answer: ["B"],
        explanation: "含 | 和 / 与 ~ # { } 的解析",
        tags: ["目标:a/b"],
      },
    });
    await createCaseSet(teacher, {
      courseId: s.course.id,
      vignette: "第二个病例：患者女，65 岁。",
      questions: [{ type: "FILL_IN", stem: "血压 ____ mmHg", answer: [["120/80", "120|80"]] }, { type: "SHORT_ANSWER", stem: "写出诊断依据" }],
    });
  });

  it.each([
    ["xlsx", "题库.xlsx"],
    ["moodle-xml", "题库.xml"],
  ] as const)("exports %s that imports back into another course unchanged", async (format, importName) => {
    const download = await exportBank(actorOf(s.teacher), s.course.id, format);
    expect(download.filename).toMatch(format === "xlsx" ? /-题库\.xlsx$/ : /-题库\.xml$/);
    const target = format === "xlsx" ? s.sister : s.foreign;
    const imported = await importQuestions(actorOf(s.otherTeacher), target.id, { name: importName, bytes: download.body }, { dryRun: false });
    expect(imported.errors).toEqual([]);
    expect(await bankOf(target.id)).toEqual(await bankOf(s.course.id));
  });

  it("writes well-formed XML and keeps CDATA terminators inside the text", async () => {
    const download = await exportBank(actorOf(s.teacher), s.course.id, "moodle-xml");
    const xml = new TextDecoder().decode(download.body);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain("]]]]><![CDATA[>");
    expect(xml).toContain('<question type="description">');
    expect(xml).toContain('<question type="cloze">');
  });

  it("exports only what the filter selects", async () => {
    const download = await exportBank(actorOf(s.teacher), s.course.id, "xlsx", { type: "TRUE_FALSE" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(download.body).buffer);
    const sheet = workbook.getWorksheet("题目")!;
    expect(sheet.rowCount).toBe(3);
    expect([sheet.getRow(2).getCell(1).text, sheet.getRow(3).getCell(1).text]).toEqual(["判断", "判断"]);
    expect(String(sheet.getRow(2).getCell(9).value)).toMatch(/^[对错]$/);
  });

  it("keeps a formula-like option as text", async () => {
    const download = await exportBank(actorOf(s.teacher), s.course.id, "xlsx", { q: "注意" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(download.body).buffer);
    const cell = workbook.getWorksheet("题目")!.getRow(2).getCell(3);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe("=SUM(A1:A2)");
  });

  it("serves a template whose question sheet is empty and whose 说明 sheet's examples import", async () => {
    const template = await getImportTemplate(actorOf(s.teacher), s.course.id);
    await expect(importQuestions(actorOf(s.teacher), s.course.id, { name: "模板.xlsx", bytes: template.body }, { dryRun: true })).rejects.toMatchObject({
      code: "qbank.no_questions",
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(template.body).buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["题目", "说明"]);
    // The 说明 sheet on its own (as if copied into 题目): its example rows are valid questions.
    workbook.removeWorksheet(workbook.getWorksheet("题目")!.id);
    const examples = new Uint8Array(await workbook.xlsx.writeBuffer());
    const preview = await importQuestions(actorOf(s.teacher), s.course.id, { name: "说明.xlsx", bytes: examples }, { dryRun: true });
    expect(preview.errors).toEqual([]);
    // 7 examples; the bank already has the essay "简述问诊的主要内容。", which is skipped as a duplicate.
    expect(preview.counts).toMatchObject({ questions: 6, duplicates: 1, cases: 1 });
  });
});
