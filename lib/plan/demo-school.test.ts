import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoSchool } from "@/lib/demo/seed";
import { getFeedbackSummary } from "@/lib/feedback/get-feedback-summary";
import { actorOf } from "@/tests/factories";
import { seedDemoPlan } from "./demo";
import { listPlanChangesForStudent } from "./list-plan-changes-for-student";

// Monday 2026-11-02 07:00 in Shanghai, as in the pre-class demo test: 诊断学 meets today.
const FIXED_NOW = new Date("2026-11-01T23:00:00Z");

describe("seedDemoPlan on the demo school", () => {
  let result: Awaited<ReturnType<typeof seedDemoPlan>>;
  beforeAll(async () => {
    // The demo school seeds the pre-class packages and then the plans itself.
    result = (await seedDemoSchool(db, FIXED_NOW)).plan;
  }, 180_000);

  it("gives every lesson with feedback a plan, and one lesson a revision with its causes and tags", async () => {
    const lessons = await db.lesson.findMany({
      where: { feedback: { some: {} } },
      select: { id: true, planVersions: { orderBy: { version: "asc" }, include: { objectives: true, feedback: true } } },
    });
    expect(lessons.length).toBeGreaterThan(0);
    expect(lessons.every((lesson) => lesson.planVersions[0]?.version === 1)).toBe(true);
    const revised = lessons.filter((lesson) => lesson.planVersions.length === 2);
    expect(revised).toHaveLength(1);
    const v2 = revised[0].planVersions[1];
    expect(v2.objectives).toHaveLength(2);
    expect(v2.feedback).toHaveLength(3);
    expect(v2.changeNote).not.toBe("");
    expect(result.versions).toBe(lessons.length + 1);
    expect(result.tags).toBeGreaterThan(0);

    const teacher = await db.user.findUniqueOrThrow({ where: { no: "t2001" } });
    const summary = await getFeedbackSummary(actorOf(teacher), { lessonId: revised[0].id });
    expect(summary.tags.length).toBeGreaterThan(0);
    // The lowest-confidence objectives are the ones the revision addresses.
    const lowest = [...summary.objectives].sort((a, b) => (a.mean ?? 5) - (b.mean ?? 5)).slice(0, 2).map((o) => o.id).sort();
    expect(v2.objectives.map((o) => o.objectiveId).sort()).toEqual(lowest);

    const cause = await db.preClassFeedback.findUniqueOrThrow({ where: { id: v2.feedback[0].feedbackId }, include: { student: true } });
    const changes = await listPlanChangesForStudent(actorOf(cause.student), revised[0].id);
    expect(changes.changes.map((c) => [c.version, c.yourFeedbackHelped])).toEqual([[2, true]]);
  });
});
