import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoSchool } from "@/lib/demo/seed";
import { DAY } from "./test-fixtures";
import { seedDemoHomework } from "./demo";
import { finalScore } from "./recompute-lateness";

describe("seedDemoHomework", () => {
  it("adds a published case analysis on 诊断学 with a rubric, a graded, an on-time and a late submission, once", async () => {
    const now = new Date("2026-10-14T02:30:00Z");
    // The demo school seeds the homework itself; a second run adds nothing.
    expect((await seedDemoSchool(db, now)).homework).toEqual({ homework: 1, submissions: 3 });
    expect(await seedDemoHomework(db, now)).toEqual({ homework: 0, submissions: 0 });

    const homework = await db.homework.findFirstOrThrow({
      where: { course: { code: "MED2101" } },
      include: { submissions: { include: { user: { select: { no: true } } } }, assessment: true },
    });
    expect(homework).toMatchObject({ status: "PUBLISHED", latePolicy: "DEDUCT", lateRate: 10, lateInterval: "DAY", lateMaxDeduction: 50, points: 100 });
    expect((homework.rubric as unknown[]).length).toBe(3);
    expect(homework.assessment?.name).toContain("作业");
    expect(homework.dueAt.getTime()).toBeLessThan(now.getTime() - DAY);
    expect(homework.submissions.map((s) => s.user.no)).not.toContain("2023010101");
    const late = homework.submissions.filter((s) => s.lateMinutes > 0);
    expect(late).toHaveLength(1);
    expect(late[0].submittedAt.getTime()).toBeLessThan(now.getTime());
    expect(finalScore(homework, 80, late[0].lateMinutes)).toMatchObject({ deduction: 10, score: 70 });
    const graded = homework.submissions.filter((s) => s.gradedAt);
    expect(graded).toHaveLength(1);
    expect(graded[0]).toMatchObject({ rawScore: 90, deduction: 0, score: 90, criterionComments: { diagnosis: expect.stringContaining("鉴别依据") } });
    expect(await db.domainEvent.count({ where: { type: "homework.published" } })).toBe(0);
  });
});
