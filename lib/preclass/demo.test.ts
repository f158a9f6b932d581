import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoSchool } from "@/lib/demo/seed";
import { shanghaiDayRange } from "@/lib/lesson/phase";
import { seedDemoPreclass } from "./demo";
import { revealedCountOf } from "./reveal";

// Monday 2026-11-02 07:00 in Shanghai: 诊断学 meets at 08:00 today, so today's window is still open.
const FIXED_NOW = new Date("2026-11-01T23:00:00Z");

describe("seedDemoPreclass", () => {
  let result: Awaited<ReturnType<typeof seedDemoPreclass>>;
  beforeAll(async () => {
    result = (await seedDemoSchool(db, FIXED_NOW)).preclass;
  }, 120_000);

  it("publishes today's and the next 诊断学 lesson with material and a de-identified staged case", async () => {
    const packages = await db.preClassPackage.findMany({
      include: { lesson: { select: { startsAt: true, title: true, course: { select: { code: true } }, clinicalCase: { include: { stages: true } } } } },
      orderBy: { lesson: { startsAt: "asc" } },
    });
    expect(result.packages).toBe(2);
    expect(packages.map((pkg) => pkg.lesson.course.code)).toEqual(["MED2101", "MED2101"]);
    const today = shanghaiDayRange(FIXED_NOW);
    expect(packages[0].lesson.startsAt >= today.start && packages[0].lesson.startsAt < today.end).toBe(true);
    expect(packages[1].lesson.startsAt >= today.end).toBe(true);
    for (const pkg of packages) {
      expect(pkg).toMatchObject({ status: "PUBLISHED", closesAt: pkg.lesson.startsAt });
      expect(pkg.opensAt!.getTime()).toBeLessThan(FIXED_NOW.getTime());
      expect(pkg.material).toMatch(/^## .+预习要点/);
      expect(pkg.lesson.clinicalCase).toMatchObject({ deidentified: true });
      expect(pkg.lesson.clinicalCase!.stages).toHaveLength(4);
    }
  });

  it("adds feedback from about 70% of the students, none from the demo logins", async () => {
    const feedback = await db.preClassFeedback.findMany({ include: { ratings: true, student: { select: { no: true } }, lesson: { select: { objectives: true } } } });
    expect(feedback).toHaveLength(result.feedback);
    const students = 58 * 2;
    expect(feedback.length / students).toBeGreaterThan(0.55);
    expect(feedback.length / students).toBeLessThan(0.85);
    expect(feedback.map((f) => f.student.no)).not.toContain("2023010101");
    for (const item of feedback) {
      expect(item.ratings.map((r) => r.objectiveId).sort()).toEqual(item.lesson.objectives.map((o) => o.id).sort());
      for (const rating of item.ratings) expect(rating.confidence).toBeGreaterThanOrEqual(1);
      for (const rating of item.ratings) expect(rating.confidence).toBeLessThanOrEqual(5);
    }
    expect(new Set(feedback.flatMap((f) => f.ratings.map((r) => r.confidence))).size).toBeGreaterThanOrEqual(4);
    expect(feedback.filter((f) => f.unclear).length).toBeGreaterThan(10);
    expect(feedback.filter((f) => f.questions).length).toBeGreaterThan(5);
  });

  it("answers case stages only as far as a student could have revealed them", async () => {
    const cases = await db.clinicalCase.findMany({
      include: { stages: { orderBy: { position: "asc" }, include: { answers: { select: { studentId: true } } } } },
    });
    for (const clinicalCase of cases) {
      const byStudent = new Map<string, Set<string>>();
      for (const stage of clinicalCase.stages) {
        for (const { studentId } of stage.answers) (byStudent.get(studentId) ?? byStudent.set(studentId, new Set()).get(studentId)!).add(stage.id);
      }
      expect(byStudent.size).toBeGreaterThan(20);
      for (const answered of byStudent.values()) {
        const revealed = clinicalCase.stages.slice(0, revealedCountOf(clinicalCase.stages, answered)).map((stage) => stage.id);
        expect([...answered].every((id) => revealed.includes(id))).toBe(true);
      }
    }
  });
});
