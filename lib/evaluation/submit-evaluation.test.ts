import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { formToObject } from "@/lib/action";
import { failureOf } from "@/lib/preclass/test-fixtures";
import { actorOf } from "@/tests/factories";
import { getEvaluationForStudent } from "./get-evaluation-for-student";
import { listEvaluationsForStudent } from "./list-evaluations-for-student";
import { SubmitEvaluationFormSchema, ratingFieldOf } from "./schemas";
import { submitEvaluation } from "./submit-evaluation";
import { makeEvaluation, makeEvaluationSchool, ratingsOf } from "./test-fixtures";

type School = Awaited<ReturnType<typeof makeEvaluationSchool>>;

let s: School;
beforeAll(async () => {
  s = await makeEvaluationSchool();
});

const stored = async (evaluationId: string) => ({
  respondents: await db.evaluationRespondent.findMany({ where: { evaluationId }, select: { userId: true } }),
  responses: await db.evaluationResponse.findMany({ where: { evaluationId }, select: { ratings: true, comment: true, day: true } }),
});

describe("submitEvaluation", () => {
  it("stores who answered apart from what was said, with only the day on the answer", async () => {
    const evaluation = await makeEvaluation(s.course.id);
    await submitEvaluation(actorOf(s.student), { evaluationId: evaluation.id, ratings: ratingsOf([5, 4, 3, 2, 1]), comment: " 病例很好 " });
    const { respondents, responses } = await stored(evaluation.id);
    expect(respondents).toEqual([{ userId: s.student.id }]);
    expect(responses).toEqual([
      {
        ratings: { clarity: 5, materials: 4, interaction: 3, feedback: 2, overall: 1 },
        comment: "病例很好",
        day: expect.any(Date),
      },
    ]);
    // A calendar day, no time of day that could be matched against the respondent row.
    expect(responses[0].day.toISOString()).toMatch(/T00:00:00\.000Z$/);
    const response = await db.evaluationResponse.findFirstOrThrow({ where: { evaluationId: evaluation.id } });
    expect(Object.keys(response).sort()).toEqual(["comment", "day", "evaluationId", "id", "ratings"]);
    expect(response.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("takes one answer per student: a second submit is refused and changes nothing", async () => {
    const evaluation = await makeEvaluation(s.course.id);
    await submitEvaluation(actorOf(s.student), { evaluationId: evaluation.id, ratings: ratingsOf(4) });
    expect(await failureOf(submitEvaluation(actorOf(s.student), { evaluationId: evaluation.id, ratings: ratingsOf(1), comment: "改主意了" }))).toMatchObject({
      code: "evaluation.already_answered",
    });
    const { respondents, responses } = await stored(evaluation.id);
    expect(respondents).toHaveLength(1);
    expect(responses).toEqual([expect.objectContaining({ comment: "", ratings: expect.objectContaining({ overall: 4 }) })]);
  });

  it("keeps exactly one answer when the same student submits twice at once", async () => {
    const evaluation = await makeEvaluation(s.course.id);
    const results = await Promise.allSettled([
      submitEvaluation(actorOf(s.student2), { evaluationId: evaluation.id, ratings: ratingsOf(5) }),
      submitEvaluation(actorOf(s.student2), { evaluationId: evaluation.id, ratings: ratingsOf(2) }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason).toMatchObject({ code: "evaluation.already_answered" });
    const { respondents, responses } = await stored(evaluation.id);
    expect(respondents).toHaveLength(1);
    expect(responses).toHaveLength(1);
  });

  it.each([
    ["not_open", "evaluation.not_open"],
    ["closed", "evaluation.closed"],
  ] as const)("refuses an evaluation that is %s", async (window, code) => {
    const evaluation = await makeEvaluation(s.course.id, window);
    expect(await failureOf(submitEvaluation(actorOf(s.student), { evaluationId: evaluation.id, ratings: ratingsOf(3) }))).toMatchObject({ code });
    expect(await stored(evaluation.id)).toEqual({ respondents: [], responses: [] });
  });

  type Case = [string, Record<string, unknown>, string];
  const INVALID: Case[] = [
    ["a rating of 0", { ratings: ratingsOf([0, 3, 3, 3, 3]) }, "validation"],
    ["a rating of 6", { ratings: ratingsOf([6, 3, 3, 3, 3]) }, "validation"],
    ["a fractional rating", { ratings: ratingsOf([2.5, 3, 3, 3, 3]) }, "validation"],
    ["an item rated twice", { ratings: [...ratingsOf(3), { itemId: "clarity", rating: 1 }] }, "validation"],
    ["an item it does not have", { ratings: [...ratingsOf(3).slice(1), { itemId: "forged", rating: 1 }] }, "evaluation.unknown_item"],
    ["an item left out", { ratings: ratingsOf(3).slice(1) }, "evaluation.ratings_incomplete"],
    ["a comment over 1000 characters", { ratings: ratingsOf(3), comment: "长".repeat(1001) }, "validation"],
  ];

  it.each(INVALID)("refuses %s and stores nothing", async (_label, overrides, code) => {
    const evaluation = await makeEvaluation(s.course.id);
    const result = await failureOf(submitEvaluation(actorOf(s.student), { evaluationId: evaluation.id, ...overrides } as never));
    expect(result).toMatchObject({ code });
    if (code === "evaluation.ratings_incomplete") expect(result.details?.missing).toEqual(["clarity"]);
    expect(await stored(evaluation.id)).toEqual({ respondents: [], responses: [] });
  });

  it("reads the form's radio groups", () => {
    const form = new FormData();
    form.set("evaluationId", "e1");
    form.set(ratingFieldOf("clarity"), "4");
    form.set(ratingFieldOf("overall"), "5");
    form.set("comment", " 很好 ");
    expect(SubmitEvaluationFormSchema.parse(formToObject(form))).toEqual({
      evaluationId: "e1",
      ratings: [
        { itemId: "clarity", rating: 4 },
        { itemId: "overall", rating: 5 },
      ],
      comment: "很好",
    });
  });

  // Only the course's students evaluate it; staff cannot answer in their place.
  it.each([
    ["student", "ok"],
    ["teacher", "auth.forbidden"],
    ["assistant", "auth.forbidden"],
    ["deptAdmin", "auth.forbidden"],
    ["admin", "auth.forbidden"],
    ["otherTeacher", "not_found"],
    ["otherDeptAdmin", "not_found"],
    ["outsider", "not_found"],
  ] as const)("%s → %s", async (who, expected) => {
    const evaluation = await makeEvaluation(s.course.id);
    const run = submitEvaluation(actorOf(s[who]), { evaluationId: evaluation.id, ratings: ratingsOf(3) });
    if (expected === "ok") await expect(run).resolves.toMatchObject({ evaluationId: evaluation.id });
    else await expect(run).rejects.toMatchObject({ code: expected });
    const { respondents } = await stored(evaluation.id);
    expect(respondents).toHaveLength(expected === "ok" ? 1 : 0);
  });

  it("reports an unknown evaluation as not_found", async () => {
    await expect(submitEvaluation(actorOf(s.student), { evaluationId: "nope", ratings: ratingsOf(3) })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the student's view", () => {
  it("lists the course's open evaluations with whether this student answered", async () => {
    const { course } = s;
    await db.evaluation.deleteMany({ where: { courseId: course.id } });
    const open = await makeEvaluation(course.id, "open", "开放中的评教");
    const answered = await makeEvaluation(course.id, "open", "已答的评教");
    await makeEvaluation(course.id, "closed", "已结束");
    await makeEvaluation(course.id, "not_open", "未开始");
    await submitEvaluation(actorOf(s.student), { evaluationId: answered.id, ratings: ratingsOf(4) });

    const list = await listEvaluationsForStudent(actorOf(s.student), course.id);
    expect(list.map(({ id, title, answered: done }) => ({ id, title, done })).sort((a, b) => a.title.localeCompare(b.title))).toEqual(
      [
        { id: open.id, title: "开放中的评教", done: false },
        { id: answered.id, title: "已答的评教", done: true },
      ].sort((a, b) => a.title.localeCompare(b.title)),
    );
    expect((await listEvaluationsForStudent(actorOf(s.student2), course.id)).every((item) => !item.answered)).toBe(true);
  });

  it("shows the items and the answered state, never the student's own answers", async () => {
    const evaluation = await makeEvaluation(s.course.id);
    await submitEvaluation(actorOf(s.student), { evaluationId: evaluation.id, ratings: ratingsOf(2), comment: "我的评语" });
    const view = await getEvaluationForStudent(actorOf(s.student), evaluation.id);
    expect(view).toMatchObject({ state: "open", answered: true, items: expect.arrayContaining([{ id: "overall", text: expect.any(String) }]) });
    expect(JSON.stringify(view)).not.toContain("我的评语");
  });

  it.each([
    ["student", "ok"],
    ["teacher", "auth.forbidden"],
    ["deptAdmin", "auth.forbidden"],
    ["otherTeacher", "not_found"],
    ["outsider", "not_found"],
  ] as const)("list and page: %s → %s", async (who, expected) => {
    const evaluation = await makeEvaluation(s.course.id);
    const runs = [listEvaluationsForStudent(actorOf(s[who]), s.course.id), getEvaluationForStudent(actorOf(s[who]), evaluation.id)];
    for (const run of runs) {
      if (expected === "ok") await expect(run).resolves.toBeTruthy();
      else await expect(run).rejects.toMatchObject({ code: expected });
    }
  });
});
