import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoSchool } from "@/lib/demo/seed";
import { getMyPoints } from "@/lib/points/get-my-points";
import { actorOf } from "@/tests/factories";
import { seedDemoEvaluations } from "./demo";
import { getEvaluationResults } from "./get-evaluation-results";
import { listEvaluationsForStudent } from "./list-evaluations-for-student";

describe("seedDemoEvaluations", () => {
  let first: Awaited<ReturnType<typeof seedDemoEvaluations>>;
  let second: Awaited<ReturnType<typeof seedDemoEvaluations>>;
  beforeAll(async () => {
    // The demo school seeds the evaluations itself; a second run adds nothing.
    first = (await seedDemoSchool(db)).evaluations;
    second = await seedDemoEvaluations(db);
  }, 120_000);

  const course = () => db.course.findFirstOrThrow({ where: { code: "MED2101" }, select: { id: true } });
  const user = (no: string) => db.user.findUniqueOrThrow({ where: { no } });

  it("opens a 诊断学 evaluation whose six answers the teacher and department admin can see", async () => {
    expect(first).toMatchObject({ evaluations: 1, responses: 6 });
    const evaluation = await db.evaluation.findFirstOrThrow({ where: { courseId: (await course()).id } });
    for (const no of ["t2001", "d1001"]) {
      const results = await getEvaluationResults(actorOf(await user(no)), evaluation.id);
      expect(results).toMatchObject({ responses: 6, evaluation: { state: "open" } });
      expect(results.aggregates?.items).toHaveLength(5);
      expect(results.aggregates?.comments).toHaveLength(4);
    }
  });

  it("leaves the demo logins to answer it themselves", async () => {
    const list = await listEvaluationsForStudent(actorOf(await user("2023010101")), (await course()).id);
    expect(list).toEqual([expect.objectContaining({ title: "诊断学 期中课程评教", answered: false })]);
  });

  it("gives the demo students a points history", async () => {
    const points = await getMyPoints(actorOf(await user("2023010101")), (await course()).id);
    expect(points.enabled && points.total).toBeGreaterThan(0);
    expect(points.enabled && new Set(points.awards.map((award) => award.reason)).size).toBeGreaterThan(1);
  });

  it("adds nothing when run again", async () => {
    expect(first.awards).toBeGreaterThan(0);
    expect(second).toEqual({ evaluations: 0, responses: 0, awards: 0 });
    expect(await db.evaluation.count()).toBe(1);
    expect(await db.evaluationResponse.count()).toBe(6);
  });
});
