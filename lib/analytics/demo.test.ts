import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoSchool } from "@/lib/demo/seed";
import { actorOf } from "@/tests/factories";
import { getCompetencyView } from "./competencies";
import { seedDemoCompetencies } from "./demo";

describe("seedDemoCompetencies", () => {
  let first: Awaited<ReturnType<typeof seedDemoCompetencies>>;
  let second: Awaited<ReturnType<typeof seedDemoCompetencies>>;
  beforeAll(async () => {
    // The demo school seeds the competencies itself; a second run adds nothing.
    first = (await seedDemoSchool(db)).competencies;
    second = await seedDemoCompetencies(db);
  }, 120_000);

  const user = (no: string) => db.user.findUniqueOrThrow({ where: { no } });

  it("gives every demo department the 本科医学教育标准 domains, then the organ systems", async () => {
    const departments = await db.department.findMany({ select: { competencies: { orderBy: { position: "asc" }, select: { code: true, name: true } } } });
    expect(departments).toHaveLength(3);
    for (const { competencies } of departments) {
      expect(competencies.slice(0, 4).map((c) => c.name)).toEqual(["科学和学术", "临床能力", "健康与社会", "职业素养"]);
    }
    expect(first.competencies).toBe(await db.competency.count());
  });

  it("shows the 内科学 department admin (the README tour's d1001) coverage and attainment", async () => {
    const view = await getCompetencyView(actorOf(await user("d1001")), {});
    const byCode = new Map(view.competencies.map((c) => [c.code, c]));
    for (const code of ["SA", "CC", "PR", "CV"]) {
      expect(byCode.get(code)?.objectives, code).toBeGreaterThan(0);
      expect(byCode.get(code)?.questions, code).toBeGreaterThan(0);
    }
    // The demo quiz's twenty submitted attempts are on 诊断学 questions.
    expect(byCode.get("CC")?.attainment).toEqual(expect.any(Number));
    expect(byCode.get("CV")?.attainment).toEqual(expect.any(Number));
    // Every 目标: and 系统: tag of the demo banks is collected; only the disciplines are left.
    expect(view.unmappedTags.map((row) => row.tag).sort()).toEqual(["学科:内科学", "学科:诊断学"]);
  });

  it("maps every course objective of the demo school to at least one competency", async () => {
    const unmapped = await db.courseObjective.findMany({ where: { competencies: { none: {} } }, select: { text: true } });
    expect(unmapped).toEqual([]);
    expect(first.mappings).toBe(await db.objectiveCompetency.count());
  });

  it("adds nothing when run again, and keeps a list the department admin edited", async () => {
    expect(second).toEqual({ competencies: 0, mappings: 0 });
    const dept = await db.department.findFirstOrThrow({ where: { code: "NK" } });
    await db.competency.deleteMany({ where: { departmentId: dept.id, code: { not: "CC" } } });
    expect(await seedDemoCompetencies(db)).toEqual({ competencies: 0, mappings: 0 });
    expect(await db.competency.count({ where: { departmentId: dept.id } })).toBe(1);
  });
});
