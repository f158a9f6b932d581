import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf } from "@/tests/factories";
import { importQuestions } from "./import-questions";
import { QBANK_LIMITS } from "./schemas";
import { makeBankSchool } from "./test-fixtures";
import { HEADER, csvText, row, textFile, xlsxFile } from "./test-files";

type School = Awaited<ReturnType<typeof makeBankSchool>>;

const GOOD_ROWS = [
  HEADER,
  row({ 题型: "单选", 题干: "心尖搏动正常位于", 选项A: "第4肋间", 选项B: "第5肋间", 答案: "B", 标签: "系统:心血管" }),
  row({ 题型: "多选", 题干: "第三心音见于", 选项A: "儿童", 选项B: "心衰", 选项C: "二尖瓣狭窄", 答案: "AB" }),
  row({ 题型: "判断", 题干: "呼吸频率 12–20 次/分", 答案: "对" }),
  row({ 题型: "填空", 题干: "____ 狭窄", 答案: "二尖瓣/mitral" }),
  row({ 题型: "简答", 题干: "简述问诊内容", 答案: "主诉、现病史" }),
  row({ 题型: "A3", 题干: "诊断是", 选项A: "心梗", 选项B: "夹层", 答案: "A", 病例: "【病例1】患者男，58岁，胸痛 2 小时。" }),
  row({ 题型: "A3", 题干: "检查是", 选项A: "心电图", 选项B: "胸片", 答案: "A", 病例: "【病例1】" }),
];

const counts = async (courseId: string) => ({
  questions: await db.question.count({ where: { courseId } }),
  cases: await db.questionCase.count({ where: { courseId } }),
});

describe("importQuestions", () => {
  let s: School;
  beforeAll(async () => {
    s = await makeBankSchool();
  });

  it("previews without writing, then imports everything in one go, and skips it all the second time", async () => {
    const teacher = actorOf(s.teacher);
    const file = await xlsxFile(GOOD_ROWS);
    const preview = await importQuestions(teacher, s.course.id, file, { dryRun: true });
    expect(preview).toMatchObject({ committed: false, format: "xlsx", unit: "row", errors: [] });
    expect(preview.counts).toEqual({ questions: 7, cases: 1, duplicates: 0, byType: { SINGLE: 3, MULTIPLE: 1, TRUE_FALSE: 1, FILL_IN: 1, SHORT_ANSWER: 1 } });
    expect(preview.questions.map((q) => [q.at, q.type, q.caseKey])).toEqual([
      [2, "SINGLE", null],
      [3, "MULTIPLE", null],
      [4, "TRUE_FALSE", null],
      [5, "FILL_IN", null],
      [6, "SHORT_ANSWER", null],
      [7, "SINGLE", "病例1"],
      [8, "SINGLE", "病例1"],
    ]);
    expect(await counts(s.course.id)).toEqual({ questions: 0, cases: 0 });

    const done = await importQuestions(teacher, s.course.id, file, { dryRun: false, shared: true });
    expect(done).toMatchObject({ committed: true, counts: { questions: 7, cases: 1 } });
    expect(await counts(s.course.id)).toEqual({ questions: 7, cases: 1 });
    const caseQuestions = await db.question.findMany({ where: { courseId: s.course.id, caseId: { not: null } }, orderBy: { casePosition: "asc" } });
    expect(caseQuestions.map((q) => [q.stem, q.casePosition, q.shared, q.createdById])).toEqual([
      ["诊断是", 1, true, s.teacher.id],
      ["检查是", 2, true, s.teacher.id],
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "qbank.import", target: s.course.id } });
    expect(audit.detail).toMatchObject({ file: "题库.xlsx", format: "xlsx", questions: 7, cases: 1, duplicates: 0 });

    const again = await importQuestions(teacher, s.course.id, file, { dryRun: false });
    expect(again.counts).toMatchObject({ questions: 0, cases: 0, duplicates: 7 });
    expect(await counts(s.course.id)).toEqual({ questions: 7, cases: 1 });
    await db.question.deleteMany({ where: { courseId: s.course.id } });
    await db.questionCase.deleteMany({ where: { courseId: s.course.id } });
  });

  it("imports nothing when one question of many is wrong, and says where", async () => {
    const rows = [...GOOD_ROWS, ...Array.from({ length: 50 }, (_, i) => row({ 题型: "判断", 题干: `第 ${i} 题`, 答案: "错" }))];
    rows.splice(30, 0, row({ 题型: "单选", 题干: "坏题", 选项A: "a", 选项B: "b", 答案: "C" }));
    const file = await xlsxFile(rows);
    const preview = await importQuestions(actorOf(s.teacher), s.course.id, file, { dryRun: true });
    expect(preview.errors).toEqual([{ at: 31, field: "answer", code: "answer_not_an_option" }]);
    await expect(importQuestions(actorOf(s.teacher), s.course.id, file, { dryRun: false })).rejects.toMatchObject({
      code: "qbank.invalid_file",
      details: { errors: [{ at: 31, field: "answer", code: "answer_not_an_option" }], unit: "row" },
    });
    expect(await counts(s.course.id)).toEqual({ questions: 0, cases: 0 });
  });

  it.each([
    ["Excel", () => xlsxFile([HEADER, row({ 题型: "单选", 题干: "q", 选项A: "a", 选项C: "c", 答案: "A" })]), { at: 2, field: "optionB", code: "option_gap" }],
    ["CSV", async () => textFile("题库.csv", csvText([HEADER, row({ 题型: "判断", 题干: "q", 答案: "?" })])), { at: 2, field: "answer", code: "answer_invalid" }],
    ["GIFT", async () => textFile("bank.txt", "好题 {T}\n\n// 注释\n坏题 {=a ~b"), { at: 4, field: "answer", code: "syntax" }],
    ["GIFT (missing vignette)", async () => textFile("bank.gift", "::【病例1】 1:: q {=a ~b}"), { at: 1, field: "case", code: "case_undefined" }],
    ["Moodle XML", async () => textFile("bank.xml", '<?xml version="1.0"?>\n<quiz>\n<question type="truefalse">\n</quiz>'), { at: 4, field: "file", code: "syntax" }],
    ["Moodle XML (matching)", async () => textFile("bank.xml", '<quiz>\n<question type="essay"><questiontext><text>ok</text></questiontext></question>\n<question type="matching"/>\n</quiz>'), { at: 3, field: "type", code: "type_unsupported" }],
  ])("%s: a broken file gives located errors and imports nothing", async (_format, build, error) => {
    const file = await build();
    const preview = await importQuestions(actorOf(s.teacher), s.course.id, file, { dryRun: true });
    expect(preview.errors).toEqual([error]);
    await expect(importQuestions(actorOf(s.teacher), s.course.id, file, { dryRun: false })).rejects.toMatchObject({ code: "qbank.invalid_file" });
    expect(await counts(s.course.id)).toEqual({ questions: 0, cases: 0 });
  });

  it.each([
    ["an .xlsx that is text", textFile("题库.xlsx", "题型,题干"), "qbank.wrong_file_type"],
    ["a .csv that is a workbook", { name: "题库.csv", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]) }, "qbank.wrong_file_type"],
    ["a PDF", textFile("题库.pdf", "%PDF-1.4"), "qbank.wrong_file_type"],
    ["a file without extension", textFile("题库", "x {T}"), "qbank.wrong_file_type"],
    ["an empty file", textFile("bank.txt", ""), "file.empty"],
    ["a file over the limit", { name: "bank.txt", bytes: new Uint8Array(QBANK_LIMITS.fileBytes + 1).fill(0x41) }, "file.too_large"],
    ["a GIFT file with only comments", textFile("bank.txt", "// 只有注释\n\n// 还是注释"), "qbank.no_questions"],
  ])("refuses %s", async (_case, file, code) => {
    await expect(importQuestions(actorOf(s.teacher), s.course.id, file, { dryRun: true })).rejects.toMatchObject({ code });
  });

  it("refuses more questions than one import may hold", async () => {
    const text = Array.from({ length: QBANK_LIMITS.importQuestions + 1 }, (_, i) => `第 ${i} 题 {T}`).join("\n\n");
    await expect(importQuestions(actorOf(s.teacher), s.course.id, textFile("bank.txt", text), { dryRun: true })).rejects.toMatchObject({
      code: "qbank.too_many_questions",
    });
  });

  it.each([
    ["teacher", "ok"],
    ["assistant", "auth.forbidden"],
    ["deptAdmin", "auth.forbidden"],
    ["student", "not_found"],
    ["outsider", "not_found"],
    ["otherTeacher", "not_found"],
  ] as const)("%s importing → %s", async (who, expected) => {
    const file = textFile("bank.txt", "正常成人呼吸频率为 12–20 次/分。{T}");
    const attempt = importQuestions(actorOf(s[who]), s.course.id, file, { dryRun: false });
    if (expected === "ok") {
      await expect(attempt).resolves.toMatchObject({ committed: true });
      await db.question.deleteMany({ where: { courseId: s.course.id } });
    } else {
      await expect(attempt).rejects.toMatchObject({ code: expected });
      await expect(importQuestions(actorOf(s[who]), s.course.id, file, { dryRun: true })).rejects.toMatchObject({ code: expected });
    }
    expect(await counts(s.course.id)).toEqual({ questions: 0, cases: 0 });
  });
});
