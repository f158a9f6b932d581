import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { HEADER, row, xlsxBytes } from "../test-files";
import { checkDrafts } from "./check-drafts";
import { parseXlsx } from "./xlsx";

async function read(rows: unknown[][], options: Parameters<typeof xlsxBytes>[1] = {}) {
  const parsed = await parseXlsx(await xlsxBytes(rows, options));
  const checked = checkDrafts(parsed.drafts);
  return { ...checked, errors: [...parsed.errors, ...checked.errors].sort((a, b) => a.at - b.at) };
}

const VIGNETTE = "患者男，58岁。持续性胸骨后压榨样疼痛2小时，伴大汗、恶心。";

describe("Excel import", () => {
  it("reads every type, A3 sets by merged cell and by key, and skips title, blank and merged-only rows", async () => {
    const { questions, cases, errors } = await read(
      [
        HEADER,
        row({ 题型: "单选", 题干: "心尖搏动正常位于（ ）", 选项A: "第4肋间", 选项B: "第5肋间锁骨中线内0.5–1.0 cm", 选项C: "第6肋间", 答案: "B", 解析: "**正常**心尖搏动位置", 难度: 2, 标签: "系统:心血管，学科:诊断学" }),
        row({ 题型: "X型题", 题干: "可闻及第三心音的是", 选项A: "健康儿童", 选项B: "心力衰竭", 选项C: "二尖瓣狭窄", 选项D: "二尖瓣关闭不全", 答案: "A、B、D", 难度: "较难" }),
        [],
        row({ 题型: "判断", 题干: "正常成人呼吸频率为12–20次/分。", 答案: "√" }),
        row({ 题型: "是非题", 题干: "叩诊肺下界移动度正常为6–8 cm。", 选项A: "对", 选项B: "错", 答案: "A" }),
        row({ 题型: "填空", 题干: "心尖区舒张期隆隆样杂音提示____狭窄，出现在____。", 答案: "二尖瓣/mitral|舒张期", 标签: "系统:心血管；目标:心脏听诊" }),
        row({ 题型: "简答", 题干: "简述问诊的主要内容。", 答案: "一般项目、主诉、现病史……" }),
        row({ 题型: "A3", 题干: "最可能的诊断是", 选项A: "急性心肌梗死", 选项B: "主动脉夹层", 答案: "A", 病例: VIGNETTE }),
        row({ 题型: "A3", 题干: "首选的检查是", 选项A: "心电图", 选项B: "胸片", 答案: "A" }),
        row({ 题型: "A4", 题干: "溶栓的时间窗是发病后几小时内", 选项A: "6小时", 选项B: "24小时", 答案: "A", 病例: "【病例2】患者女，65岁，突发右侧肢体无力1小时。" }),
        row({ 题型: "A4", 题干: "首选的检查是", 选项A: "头颅CT", 选项B: "腰穿", 答案: "a", 病例: "【病例2】" }),
      ],
      { before: [["诊断学题库（第一章）"], []], merges: ["A1:M1", "M11:M12"] },
    );
    expect(errors).toEqual([]);
    expect(questions.map((q) => [q.at, q.data.type, q.caseKey === null ? null : "case"])).toEqual([
      [4, "SINGLE", null],
      [5, "MULTIPLE", null],
      [7, "TRUE_FALSE", null],
      [8, "TRUE_FALSE", null],
      [9, "FILL_IN", null],
      [10, "SHORT_ANSWER", null],
      [11, "SINGLE", "case"],
      [12, "SINGLE", "case"],
      [13, "SINGLE", "case"],
      [14, "SINGLE", "case"],
    ]);
    const [first, second, tf1, tf2, fill, short] = questions.map((q) => q.data);
    expect(first).toMatchObject({
      options: [
        { key: "A", text: "第4肋间" },
        { key: "B", text: "第5肋间锁骨中线内0.5–1.0 cm" },
        { key: "C", text: "第6肋间" },
      ],
      answer: ["B"],
      explanation: "**正常**心尖搏动位置",
      difficulty: 2,
      tags: ["系统:心血管", "学科:诊断学"],
    });
    expect(second).toMatchObject({ answer: ["A", "B", "D"], difficulty: 4, partialCredit: "ALL_OR_NOTHING" });
    expect([tf1.answer, tf2.answer, tf2.options]).toEqual([[true], [true], []]);
    expect(fill).toMatchObject({ answer: [["二尖瓣", "mitral"], ["舒张期"]], tags: ["系统:心血管", "目标:心脏听诊"], caseInsensitive: true });
    expect(short).toMatchObject({ referenceAnswer: "一般项目、主诉、现病史……", answer: [] });
    expect(questions[6].caseKey).toBe(questions[7].caseKey);
    expect(questions[8].caseKey).toBe("病例2");
    expect(cases).toEqual([
      { key: VIGNETTE, vignette: VIGNETTE },
      { key: "病例2", vignette: "患者女，65岁，突发右侧肢体无力1小时。" },
    ]);
  });

  it("reads the optional 计分 and 区分大小写 columns", async () => {
    const { questions, errors } = await read([
      [...HEADER, "计分", "区分大小写"],
      [...row({ 题型: "多选", 题干: "q", 选项A: "a", 选项B: "b", 选项C: "c", 答案: "AB" }), "漏选半分", ""],
      [...row({ 题型: "多选", 题干: "q2", 选项A: "a", 选项B: "b", 答案: "AB" }), "对减错", ""],
      [...row({ 题型: "填空", 题干: "The ____ valve", 答案: "Mitral" }), "按空计分", "是"],
    ]);
    expect(errors).toEqual([]);
    expect(questions.map((q) => [q.data.partialCredit, q.data.caseInsensitive])).toEqual([
      ["HALF_FOR_SUBSET", true],
      ["RIGHT_MINUS_WRONG", true],
      ["RIGHT_MINUS_WRONG", false],
    ]);
  });

  it("locates every broken row by row number, field and reason", async () => {
    const { questions, errors } = await read([
      HEADER,
      row({ 题型: "单选", 题干: "好题", 选项A: "a", 选项B: "b", 答案: "A" }),
      row({ 题型: "论述选择", 题干: "q", 答案: "A" }),
      row({ 题型: "单选", 题干: "q", 选项A: "a", 选项B: "b", 答案: "E" }),
      row({ 题型: "单选", 题干: "q", 选项A: "a", 选项C: "c", 答案: "A" }),
      row({ 题型: "多选", 题干: "q", 选项A: "a", 选项B: "b" }),
      row({ 题型: "单选", 题干: "", 选项A: "a", 选项B: "b", 答案: "AB" }),
      row({ 题型: "判断", 题干: "q", 答案: "也许" }),
      row({ 题型: "填空", 题干: "q", 答案: "a||b" }),
      row({ 题型: "A3", 题干: "q", 选项A: "a", 选项B: "b", 答案: "A" }),
      row({ 题型: "单选", 题干: "q", 选项A: "a", 选项B: "b", 答案: "A", 难度: 9 }),
      row({ 题型: "单选", 题干: "q", 选项A: "a", 答案: "A", 病例: "【病例9】" }),
      row({ 题型: "填空", 题干: "q", 选项A: "a", 答案: "x" }),
      row({ 题型: "A3", 题干: "q1", 选项A: "a", 选项B: "b", 答案: "A", 病例: "【甲】第一种说法" }),
      row({ 题型: "A3", 题干: "q2", 选项A: "a", 选项B: "b", 答案: "A", 病例: "【甲】第二种说法" }),
      row({ 题干: "没有题型", 答案: "A" }),
      row({ 题型: "单选", 题干: "q", 选项A: "a", 选项B: "b", 答案: "A", 标签: "长".repeat(41) }),
    ]);
    expect(errors).toEqual([
      { at: 3, field: "type", code: "type_unknown" },
      { at: 4, field: "answer", code: "answer_not_an_option" },
      { at: 5, field: "optionB", code: "option_gap" },
      { at: 6, field: "answer", code: "answer_required" },
      { at: 7, field: "stem", code: "stem_required" },
      { at: 7, field: "answer", code: "answer_single_one" },
      { at: 8, field: "answer", code: "answer_invalid" },
      { at: 9, field: "answer", code: "answer_invalid" },
      { at: 10, field: "case", code: "case_required" },
      { at: 11, field: "difficulty", code: "difficulty_invalid" },
      { at: 12, field: "options", code: "options_too_few" },
      { at: 12, field: "case", code: "case_undefined" },
      { at: 13, field: "options", code: "options_not_allowed" },
      { at: 15, field: "case", code: "case_conflict" },
      { at: 16, field: "type", code: "type_required" },
      { at: 17, field: "tags", code: "tag_too_long" },
    ]);
    expect(questions.map((q) => q.at)).toEqual([2, 14, 15]);
  });

  it("refuses a sheet without the required headers", async () => {
    await expect(parseXlsx(await xlsxBytes([["学号", "姓名"], ["1", "x"]]))).rejects.toMatchObject({
      code: "qbank.missing_columns",
      details: { columns: ["type", "stem", "answer"] },
    });
  });

  it("reports a sheet with headers only as having no questions", async () => {
    await expect(parseXlsx(await xlsxBytes([HEADER, [], []]))).rejects.toMatchObject({ code: "qbank.no_questions" });
  });

  it("reports a damaged workbook as unreadable", async () => {
    const bytes = await xlsxBytes([HEADER]);
    await expect(parseXlsx(bytes.slice(0, 200))).rejects.toMatchObject({ code: "file.unreadable" });
  });

  it("reads the 题目 sheet even when it is not the first", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("封面").addRow(["诊断学"]);
    const sheet = workbook.addWorksheet("题目");
    sheet.addRow(HEADER);
    sheet.addRow(row({ 题型: "判断", 题干: "q", 答案: "错" }));
    const parsed = await parseXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(parsed.drafts.map((d) => d.answer)).toEqual([[false]]);
  });
});
