import { describe, expect, it } from "vitest";
import { HEADER, csvText, row } from "../test-files";
import { checkDrafts } from "./check-drafts";
import { parseCsv } from "./csv";

// "题型,题干,答案,难度\r\n判断,心脏有四个腔,对,易\r\n" as Excel on Chinese Windows saves it (GBK).
const GBK_CSV = "cce2d0cd2ccce2b8c92cb4f0b0b82cc4d1b6c80d0ac5d0b6cf2cd0c4d4e0d3d0cbc4b8f6c7bb2cb6d42cd2d70d0a";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("CSV import", () => {
  const rows = [
    HEADER,
    row({ 题型: "单选", 题干: "心尖搏动正常位于", 选项A: "第4肋间", 选项B: "第5肋间", 答案: "B", 标签: "系统:心血管,学科:诊断学" }),
    row({ 题型: "填空", 题干: "血压 ____ mmHg 为正常高值上限", 答案: "139\\/89|x" }),
    row({ 题型: "简答", 题干: "第一行\n第二行，含\"引号\"", 答案: "" }),
  ];

  it.each([
    ["UTF-8", utf8(csvText(rows))],
    ["UTF-8 with BOM", utf8(`\uFEFF${csvText(rows)}`)],
  ])("reads %s, quoted multi-line cells included", (_name, bytes) => {
    const parsed = parseCsv(bytes);
    expect(parsed.errors).toEqual([]);
    const { questions } = checkDrafts(parsed.drafts);
    expect(questions.map((q) => [q.at, q.data.type])).toEqual([
      [2, "SINGLE"],
      [3, "FILL_IN"],
      [4, "SHORT_ANSWER"],
    ]);
    expect(questions[0].data.tags).toEqual(["系统:心血管", "学科:诊断学"]);
    expect(questions[1].data.answer).toEqual([["139/89"], ["x"]]);
    expect(questions[2].data.stem).toBe('第一行\n第二行，含"引号"');
  });

  it("reads GBK as saved by Excel on Chinese Windows", () => {
    const parsed = parseCsv(Uint8Array.from(Buffer.from(GBK_CSV, "hex")));
    expect(parsed.errors).toEqual([]);
    expect(parsed.drafts.map((d) => [d.type, d.stem, d.answer, d.difficulty])).toEqual([["TRUE_FALSE", "心脏有四个腔", [true], 1]]);
  });

  it("accepts English headers", () => {
    const parsed = parseCsv(utf8("type,stem,A,B,answer\r\nsingle,q,a,b,B\r\n"));
    expect(parsed.drafts.map((d) => d.answer)).toEqual([["B"]]);
  });

  it("locates broken rows by record number", () => {
    const parsed = parseCsv(
      utf8(
        csvText([
          HEADER,
          row({ 题型: "多选", 题干: "q", 选项A: "a", 选项B: "b", 答案: "A1" }),
          [],
          row({ 题型: "判断", 题干: "q", 答案: "" }),
        ]),
      ),
    );
    expect(parsed.errors).toEqual([
      { at: 2, field: "answer", code: "answer_invalid" },
      { at: 4, field: "answer", code: "answer_required" },
    ]);
    expect(parsed.drafts).toEqual([]);
  });

  it("refuses a file without the required columns", () => {
    expect(() => parseCsv(utf8("学号,姓名\r\n1,张三\r\n"))).toThrow(expect.objectContaining({ code: "qbank.missing_columns" }));
  });
});
