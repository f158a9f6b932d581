import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { sniffType } from "./sniff-type";
import { OFFICE_FILES, zipOf } from "./test-zip";
import { zipEntryNames } from "./zip-entries";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

describe("sniffType for zip-based office documents", () => {
  it.each([
    ["docx", DOCX],
    ["xlsx", XLSX],
    ["pptx", PPTX],
    ["zip", null],
  ] as const)("%s → %s", (kind, type) => {
    expect(sniffType(OFFICE_FILES[kind])).toBe(type);
  });

  it("recognises a real workbook written by exceljs (deflated entries)", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("成绩").addRow(["学号", "姓名"]);
    expect(sniffType(new Uint8Array(await workbook.xlsx.writeBuffer()))).toBe(XLSX);
  });

  it("refuses zips that are not exactly one kind of office document, and broken zips", () => {
    const types = '<Types/>';
    expect(sniffType(zipOf({ "word/document.xml": "<w:document/>" }))).toBeNull();
    expect(sniffType(zipOf({ "[Content_Types].xml": types, "word/document.xml": "", "xl/workbook.xml": "" }))).toBeNull();
    expect(sniffType(OFFICE_FILES.docx.slice(0, OFFICE_FILES.docx.length - 10))).toBeNull();
    expect(sniffType(Uint8Array.from([0x50, 0x4b, 0x03, 0x04]))).toBeNull();
  });

  it("reads names from the central directory, not from the data", () => {
    // "word/" inside a stored file's content must not make it a document.
    const trick = zipOf({ "[Content_Types].xml": "<Types/>", "notes.txt": "word/document.xml" });
    expect(zipEntryNames(trick)).toEqual(["[Content_Types].xml", "notes.txt"]);
    expect(sniffType(trick)).toBeNull();
  });
});
