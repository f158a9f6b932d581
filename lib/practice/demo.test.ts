import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { mistakeSummaryFor } from "@/lib/mistakes/mistake-summary";
import { actorOf, makeDepartment, makeUser } from "@/tests/factories";
import { seedDemoPractice } from "./demo";
import { at, makeQuestion } from "./test-fixtures";

const NOW = at("2026-11-02 07:00");

describe("seedDemoPractice", () => {
  it("does nothing without the course or its questions, then gives the demo students a week of practice", async () => {
    expect(await seedDemoPractice(db, NOW)).toEqual({ answers: 0, mistakes: 0 });
    const dept = await makeDepartment();
    const students = await Promise.all(["2023010101", "2023010102", "2023010103", "2023010104", "2023010105", "2023010106"].map((no) => makeUser("STUDENT", { no })));
    const course = await db.course.create({
      data: { code: "MED2101", title: "诊断学", term: "2026-2027-1", departmentId: dept.id, members: { create: students.map((u) => ({ userId: u.id, role: "STUDENT" as const })) } },
    });
    expect(await seedDemoPractice(db, NOW)).toEqual({ answers: 0, mistakes: 0 });

    for (const type of ["SINGLE", "MULTIPLE", "TRUE_FALSE", "FILL_IN", "SHORT_ANSWER", "SINGLE"] as const) await makeQuestion(course.id, type);
    const result = await seedDemoPractice(db, NOW);
    expect(result.answers).toBeGreaterThan(20);
    expect(result.mistakes).toBeGreaterThan(3);

    const answers = await db.practiceAnswer.findMany({ select: { userId: true, createdAt: true, question: { select: { type: true } } } });
    expect(answers).toHaveLength(result.answers);
    expect(answers.every((a) => a.createdAt < at("2026-11-02 00:00") && a.createdAt >= at("2026-10-27 00:00"))).toBe(true);
    expect(answers.some((a) => a.question.type === "SHORT_ANSWER")).toBe(false);
    expect(answers.some((a) => a.userId === students[5].id)).toBe(false);

    const summaries = await Promise.all(students.slice(0, 5).map((u) => mistakeSummaryFor(actorOf(u), NOW)));
    expect(summaries.some((summary) => summary.dueToday > 0)).toBe(true);
  });
});
