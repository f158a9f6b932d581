import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { type ExportTable, displayWidth, toCsv, toXlsx } from "./export";

interface Row {
  course: string;
  rate: number | null;
  mean: number;
  note: string;
}

const TABLE: ExportTable<Row> = {
  sheet: "课程对比",
  columns: [
    { header: "课程", value: (r) => r.course },
    { header: "课前完成率", value: (r) => r.rate, format: "percent" },
    { header: "测验平均分", value: (r) => r.mean, format: "decimal" },
    { header: "备注", value: (r) => r.note },
  ],
  rows: [
    { course: "诊断学（一）：心脏检查与心电图判读", rate: 0.756, mean: 81.25, note: "=HYPERLINK(\"http://x\")" },
    { course: "Pathology, \"general\"", rate: null, mean: 60, note: "两行\n说明" },
  ],
};

describe("toXlsx", () => {
  it("writes Chinese headers in a bold, frozen first row, typed values and widths from the content", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(TABLE)).buffer);
    const sheet = workbook.getWorksheet("课程对比")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "课程", "课前完成率", "测验平均分", "备注"]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getCell("B2").value).toBe(0.756);
    expect(sheet.getCell("B2").numFmt).toBe("0.0%");
    expect(sheet.getCell("B3").value).toBeNull();
    // A formula-looking text stays text in a workbook (typed cell, not a formula).
    expect(sheet.getCell("D2").value).toBe("=HYPERLINK(\"http://x\")");
    expect(sheet.getColumn(1).width).toBe(displayWidth(TABLE.rows[0].course) + 2);
    expect(sheet.getColumn(2).width).toBe(displayWidth("课前完成率") + 2);
  });
});

describe("toCsv", () => {
  it("is UTF-8 with a BOM, CRLF, quoted where needed, percents as text and formulas neutralized", () => {
    const bytes = toCsv(TABLE);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split("\r\n")).toEqual([
      "课程,课前完成率,测验平均分,备注",
      "诊断学（一）：心脏检查与心电图判读,75.6%,81.3,\"'=HYPERLINK(\"\"http://x\"\")\"",
      "\"Pathology, \"\"general\"\"\",,60.0,\"两行\n说明\"",
      "",
    ]);
  });

  it("counts CJK characters as two columns", () => {
    expect(displayWidth("心电图 ECG")).toBe(10);
  });
});
