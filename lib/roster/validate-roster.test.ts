import { describe, expect, it } from "vitest";
import type { RosterFileRow } from "./parse-roster-file";
import { validateRoster } from "./validate-roster";

const row = (fields: Partial<RosterFileRow> = {}, rowNo = 2): RosterFileRow => ({
  row: rowNo,
  no: "2023001",
  name: "张三",
  className: "2023级临床医学1班",
  group: "第一组",
  ...fields,
});

describe("validateRoster", () => {
  it("passes good rows through and normalizes full-width 学号", () => {
    const result = validateRoster([row(), row({ no: "２０２３００２", className: "", group: "" }, 3)]);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.no)).toEqual(["2023001", "2023002"]);
  });

  it.each([
    ["no", { no: "" }, "roster.row.no_required"],
    ["no", { no: "123" }, "roster.row.no_format"],
    ["no", { no: "1".repeat(21) }, "roster.row.no_format"],
    ["no", { no: "2023-001" }, "roster.row.no_format"],
    ["no", { no: "学号2023" }, "roster.row.no_format"],
    ["name", { name: "" }, "roster.row.name_required"],
    ["name", { name: "名".repeat(51) }, "roster.row.name_too_long"],
    ["class", { className: "班".repeat(51) }, "roster.row.class_too_long"],
    ["group", { group: "组".repeat(31) }, "roster.row.group_too_long"],
  ] as const)("reports %s %o as %s", (column, fields, code) => {
    const result = validateRoster([row(fields, 7)]);
    expect(result.errors).toEqual([{ row: 7, column, code }]);
    expect(result.rows).toEqual([]);
  });

  it("accepts values at the limits", () => {
    const result = validateRoster([
      row({ no: "A1b2", name: "名".repeat(50), className: "班".repeat(50), group: "组".repeat(30) }),
      row({ no: "1".repeat(20) }, 3),
    ]);
    expect(result.errors).toEqual([]);
  });

  it("reports a duplicate 学号 on the later row only", () => {
    const result = validateRoster([row({}, 2), row({ name: "李四" }, 3), row({ no: "２０２３００１" }, 4)]);
    expect(result.errors).toEqual([
      { row: 3, column: "no", code: "roster.row.no_duplicate" },
      { row: 4, column: "no", code: "roster.row.no_duplicate" },
    ]);
    expect(result.rows.map((r) => r.row)).toEqual([2]);
  });

  it("reports every wrong cell of a row", () => {
    expect(validateRoster([row({ no: "", name: "", group: "组".repeat(31) }, 5)]).errors).toEqual([
      { row: 5, column: "no", code: "roster.row.no_required" },
      { row: 5, column: "name", code: "roster.row.name_required" },
      { row: 5, column: "group", code: "roster.row.group_too_long" },
    ]);
  });
});
