import { describe, expect, it } from "vitest";
import { parseRosterFile } from "./parse-roster-file";
import { ROSTER_LIMITS } from "./schemas";
import { rosterTemplateCsv, rosterTemplateXlsx } from "./template";
import { csvFile, xlsxFile } from "./test-files";

// "学号,姓名,班级,小组\r\n2023001,张三,2023级临床医学1班,第一组\r\n" as saved by Excel on Chinese Windows (GBK).
const GBK_CSV =
  "d1a7bac52cd0d5c3fb2cb0e0bcb62cd0a1d7e90d0a323032333030312cd5c5c8fd2c32303233bcb6c1d9b4b2d2bdd1a731b0e02cb5dad2bbd7e90d0a";

const ZHANG = { no: "2023001", name: "张三", className: "2023级临床医学1班", group: "第一组" };

describe("parseRosterFile", () => {
  it("reads an xlsx with Chinese headers, numeric 学号 and rich text, numbering rows as Excel does", async () => {
    const file = await xlsxFile([
      ["学号", "姓名", "班级", "小组"],
      [2023001, "张三", { richText: [{ text: "2023级" }, { text: "临床医学1班" }] }, " 第一组 "],
      [],
      ["2023002", "李四"],
    ]);
    expect(await parseRosterFile(file)).toEqual([
      { row: 2, ...ZHANG },
      { row: 4, no: "2023002", name: "李四", className: "", group: "" },
    ]);
  });

  it("finds the header below a title row and accepts English headers in any order", async () => {
    const file = await xlsxFile([["2023级临床医学1班 学生名单"], ["Group", "NAME", "No"], ["A", "张三", "2023001"]]);
    expect(await parseRosterFile(file)).toEqual([{ row: 3, no: "2023001", name: "张三", className: "", group: "A" }]);
  });

  it("reads UTF-8 CSV with and without BOM, quoted fields included", async () => {
    const text = '学号,姓名,班级,小组\r\n2023001,张三,2023级临床医学1班,第一组\r\n2023002,"李,四",,\r\n';
    const expected = [
      { row: 2, ...ZHANG },
      { row: 3, no: "2023002", name: "李,四", className: "", group: "" },
    ];
    expect(await parseRosterFile(csvFile(text))).toEqual(expected);
    expect(await parseRosterFile(csvFile(`\uFEFF${text}`))).toEqual(expected);
  });

  it("decodes GBK CSV from Chinese Excel", async () => {
    const file = { name: "名单.CSV", bytes: Uint8Array.from(Buffer.from(GBK_CSV, "hex")) };
    expect(await parseRosterFile(file)).toEqual([{ row: 2, ...ZHANG }]);
  });

  it("accepts English CSV headers", async () => {
    expect(await parseRosterFile(csvFile("no,name,class,group\n2023001,张三,,"))).toEqual([
      { row: 2, no: "2023001", name: "张三", className: "", group: "" },
    ]);
  });

  it("reads its own templates as header-only files", async () => {
    await expect(parseRosterFile({ name: "t.xlsx", bytes: await rosterTemplateXlsx() })).rejects.toMatchObject({ code: "file.empty" });
    await expect(parseRosterFile({ name: "t.csv", bytes: rosterTemplateCsv() })).rejects.toMatchObject({ code: "file.empty" });
  });

  const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]);
  const failures: [string, () => Promise<{ name: string; bytes: Uint8Array }>, string][] = [
    ["an .xls file", async () => ({ name: "名单.xls", bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0]) }), "file.wrong_type"],
    ["a file without extension", async () => csvFile("学号,姓名\n2023001,张三", "roster"), "file.wrong_type"],
    ["a text file named .xlsx", async () => csvFile("学号,姓名\n2023001,张三", "名单.xlsx"), "file.wrong_type"],
    ["a workbook named .csv", async () => ({ ...(await xlsxFile([["学号", "姓名"], ["2023001", "张三"]])), name: "名单.csv" }), "file.wrong_type"],
    ["a binary file named .csv", async () => ({ name: "名单.csv", bytes: Uint8Array.from([0x41, 0, 0x42]) }), "file.wrong_type"],
    ["a corrupt xlsx", async () => ({ name: "名单.xlsx", bytes: zip }), "file.unreadable"],
    ["a truncated xlsx", async () => {
      const file = await xlsxFile([["学号", "姓名"], ["2023001", "张三"]]);
      return { ...file, bytes: file.bytes.slice(0, file.bytes.length / 2) };
    }, "file.unreadable"],
    ["a CSV with an unclosed quote", async () => csvFile('学号,姓名\n2023001,"张三'), "file.unreadable"],
    ["an empty file", async () => csvFile(""), "file.empty"],
    ["a CSV of blank lines", async () => csvFile("\r\n,,\r\n"), "file.empty"],
    ["a header without rows", async () => csvFile("学号,姓名,班级,小组\r\n"), "file.empty"],
    ["an empty workbook sheet", async () => xlsxFile([]), "file.empty"],
    ["a file over 2 MB", async () => csvFile(`学号,姓名\n${"2023001,张三\n".repeat(ROSTER_LIMITS.fileBytes / 10)}`), "file.too_large"],
    ["too many rows", async () => csvFile(`学号,姓名\n${"2023001,张三\n".repeat(ROSTER_LIMITS.rows + 1)}`), "roster.too_many_rows"],
    ["wrong headers", async () => csvFile("编号,名字\n2023001,张三"), "roster.missing_columns"],
  ];

  it.each(failures)("rejects %s", async (_label, make, code) => {
    await expect(parseRosterFile(await make())).rejects.toMatchObject({ code });
  });

  it("names the missing columns", async () => {
    await expect(parseRosterFile(csvFile("学号,班级\n2023001,1班"))).rejects.toMatchObject({
      code: "roster.missing_columns",
      details: { columns: ["name"] },
    });
  });

  it("accepts exactly the maximum number of rows", async () => {
    const rows = await parseRosterFile(csvFile(`学号,姓名\n${"2023001,张三\n".repeat(ROSTER_LIMITS.rows)}`));
    expect(rows).toHaveLength(ROSTER_LIMITS.rows);
  });
});
