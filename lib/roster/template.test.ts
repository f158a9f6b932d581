import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { actorOf, makeSchool } from "@/tests/factories";
import { parseRosterFile } from "./parse-roster-file";
import { getRosterTemplate } from "./template";

describe("getRosterTemplate", () => {
  it("gives an xlsx whose first sheet has the Chinese headers and a text-formatted 学号 column", async () => {
    const { teacher, course } = await makeSchool();
    const template = await getRosterTemplate(actorOf(teacher), course.id, "xlsx");
    expect(template.filename).toBe("学生名单模板.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.body.buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, "学号", "姓名", "班级", "小组"]);
    expect(sheet.getColumn(1).numFmt).toBe("@");

    // A teacher fills it in and uploads it again.
    sheet.addRow(["0230001", "张三", "2023级临床医学1班", "第一组"]);
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await parseRosterFile({ name: "学生名单模板.xlsx", bytes: filled })).toEqual([
      { row: 2, no: "0230001", name: "张三", className: "2023级临床医学1班", group: "第一组" },
    ]);
  });

  it("gives a UTF-8 CSV with BOM", async () => {
    const { assistant, course } = await makeSchool();
    const template = await getRosterTemplate(actorOf(assistant), course.id, "csv");
    expect(template.contentType).toMatch(/^text\/csv/);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(template.body)).toBe("\uFEFF学号,姓名,班级,小组\r\n");
  });
});
