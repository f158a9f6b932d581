import { describe, expect, it } from "vitest";
import { competencyLinesOf, parseCompetencyLines } from "./competency-lines";

describe("competency lines", () => {
  it("reads code | name | English | tags, skipping blank lines, with Chinese separators", () => {
    expect(parseCompetencyLines("CC | 临床能力 | Clinical competence | 能力:临床思维，系统:心血管\n\n  SA | 科学和学术 ||  \n")).toEqual([
      { code: "CC", name: "临床能力", nameEn: "Clinical competence", tags: ["能力:临床思维", "系统:心血管"] },
      { code: "SA", name: "科学和学术", nameEn: null, tags: [] },
    ]);
  });

  it("round-trips", () => {
    const list = [{ code: "CV", name: "心血管系统疾病", nameEn: null, tags: ["系统:心血管", "学科:内科学"] }];
    expect(parseCompetencyLines(competencyLinesOf(list))).toEqual(list);
  });
});
