import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { formToObject } from "@/lib/action";
import { instantOfLocal, localValueOf } from "@/lib/preclass/local-datetime";
import { failureOf } from "@/lib/preclass/test-fixtures";
import { actorOf, makeCourse } from "@/tests/factories";
import { createEvaluation } from "./create-evaluation";
import { getNewEvaluationDefaults } from "./new-evaluation-defaults";
import { CreateEvaluationFormSchema, DEFAULT_EVALUATION_ITEMS, OVERALL_ITEM_ID } from "./schemas";
import { makeEvaluation, makeEvaluationSchool, ratingsOf } from "./test-fixtures";
import { submitEvaluation } from "./submit-evaluation";
import { updateEvaluation } from "./update-evaluation";

type School = Awaited<ReturnType<typeof makeEvaluationSchool>>;

const HOUR = 3600_000;
const local = (offsetMs: number) => localValueOf(new Date(Date.now() + offsetMs));

let s: School;
beforeAll(async () => {
  s = await makeEvaluationSchool();
});

const input = (overrides: Record<string, unknown> = {}) => ({
  courseId: s.course.id,
  title: "期中课程评教",
  items: DEFAULT_EVALUATION_ITEMS.map((item) => ({ ...item })),
  opensAt: local(-HOUR),
  closesAt: local(7 * 24 * HOUR),
  ...overrides,
});

const countFor = (courseId: string) => db.evaluation.count({ where: { courseId } });

describe("createEvaluation", () => {
  it("stores the title, items with stable ids, the window and the lesson", async () => {
    const lesson = await db.lesson.create({
      data: { courseId: s.course.id, position: 0, title: "心脏检查", startsAt: new Date(), endsAt: new Date(Date.now() + 2 * HOUR) },
    });
    const data = input({ lessonId: lesson.id, items: [{ id: OVERALL_ITEM_ID, text: "总体满意度" }, { text: "病例讨论有收获" }] });
    const { evaluationId } = await createEvaluation(actorOf(s.teacher), data);
    const row = await db.evaluation.findUniqueOrThrow({ where: { id: evaluationId } });
    expect(row).toMatchObject({ courseId: s.course.id, lessonId: lesson.id, title: "期中课程评教" });
    expect(row.items).toEqual([{ id: OVERALL_ITEM_ID, text: "总体满意度" }, { id: expect.stringMatching(/^i[0-9a-f]{10}$/), text: "病例讨论有收获" }]);
    expect(row.opensAt).toEqual(instantOfLocal(data.opensAt));
    expect(row.closesAt).toEqual(instantOfLocal(data.closesAt));
  });

  it("reads the form's JSON item list and a blank lesson as a course evaluation", () => {
    const form = new FormData();
    form.set("courseId", "c1");
    form.set("lessonId", "");
    form.set("title", " 评教 ");
    form.set("items", JSON.stringify([{ id: "clarity", text: " 清晰 " }, { text: "新的一项" }]));
    form.set("opensAt", "2026-10-01T08:00");
    form.set("closesAt", "2026-10-08T08:00");
    expect(CreateEvaluationFormSchema.parse(formToObject(form))).toEqual({
      courseId: "c1",
      lessonId: null,
      title: "评教",
      items: [{ id: "clarity", text: "清晰" }, { text: "新的一项" }],
      opensAt: "2026-10-01T08:00",
      closesAt: "2026-10-08T08:00",
    });
  });

  it("starts the form with the five usual items, open for a week", async () => {
    const now = new Date("2026-10-12T02:00:00Z");
    const { values } = await getNewEvaluationDefaults(actorOf(s.teacher), s.course.id, now);
    expect(values.items.map((item) => item.id)).toEqual(["clarity", "materials", "interaction", "feedback", OVERALL_ITEM_ID]);
    expect(values).toMatchObject({ opensAt: "2026-10-12T10:00", closesAt: "2026-10-19T10:00" });
  });

  // Only the course's teacher (and admins) set up evaluations; assistants and department admins read results only.
  it.each([
    ["teacher", "ok"],
    ["admin", "ok"],
    ["assistant", "auth.forbidden"],
    ["deptAdmin", "auth.forbidden"],
    ["student", "auth.forbidden"],
    ["otherTeacher", "not_found"],
    ["otherDeptAdmin", "not_found"],
    ["outsider", "not_found"],
  ] as const)("%s → %s", async (who, expected) => {
    const before = await countFor(s.course.id);
    const run = createEvaluation(actorOf(s[who]), input());
    if (expected === "ok") {
      await expect(run).resolves.toMatchObject({ courseId: s.course.id });
      expect(await countFor(s.course.id)).toBe(before + 1);
    } else {
      await expect(run).rejects.toMatchObject({ code: expected });
      expect(await countFor(s.course.id)).toBe(before);
    }
  });

  it.each([
    ["no title", { title: "  " }, "validation"],
    ["no items", { items: [] }, "validation"],
    ["eleven items", { items: Array.from({ length: 11 }, (_, i) => ({ text: `第${i}项` })) }, "validation"],
    ["a blank item", { items: [{ text: " " }] }, "validation"],
    ["the same item id twice", { items: [{ id: "a", text: "一" }, { id: "a", text: "二" }] }, "validation"],
    ["a malformed time", { opensAt: "2026-13-01T08:00" }, "validation"],
    ["closing before opening", { opensAt: local(2 * HOUR), closesAt: local(HOUR) }, "evaluation.closes_before_opens"],
    ["closing in the past", { opensAt: local(-3 * HOUR), closesAt: local(-2 * HOUR) }, "evaluation.closes_in_past"],
    ["an unknown lesson", { lessonId: "no-such-lesson" }, "evaluation.lesson_not_in_course"],
  ])("refuses %s and stores nothing", async (_label, overrides, code) => {
    const before = await countFor(s.course.id);
    expect(await failureOf(createEvaluation(actorOf(s.teacher), input(overrides)))).toMatchObject({ code });
    expect(await countFor(s.course.id)).toBe(before);
  });

  it("refuses a lesson of another course", async () => {
    const other = await makeCourse(s.dept.id);
    const lesson = await db.lesson.create({
      data: { courseId: other.id, position: 0, title: "别的课", startsAt: new Date(), endsAt: new Date(Date.now() + HOUR) },
    });
    await expect(createEvaluation(actorOf(s.teacher), input({ lessonId: lesson.id }))).rejects.toMatchObject({ code: "evaluation.lesson_not_in_course" });
  });
});

describe("updateEvaluation", () => {
  const edit = (evaluationId: string, overrides: Record<string, unknown> = {}) => ({
    evaluationId,
    title: "改过的标题",
    items: DEFAULT_EVALUATION_ITEMS.map((item) => ({ ...item })),
    opensAt: local(-HOUR),
    closesAt: local(HOUR),
    ...overrides,
  });

  it("changes title, window and items while nobody has answered", async () => {
    const evaluation = await makeEvaluation(s.course.id);
    await updateEvaluation(actorOf(s.teacher), edit(evaluation.id, { items: [{ id: OVERALL_ITEM_ID, text: "总体满意度（改）" }, { text: "新增" }] }));
    const row = await db.evaluation.findUniqueOrThrow({ where: { id: evaluation.id } });
    expect(row.title).toBe("改过的标题");
    expect(row.items).toEqual([{ id: OVERALL_ITEM_ID, text: "总体满意度（改）" }, { id: expect.any(String), text: "新增" }]);
  });

  it("locks the items once a student has answered, but still moves the window (closing it early)", async () => {
    const evaluation = await makeEvaluation(s.course.id);
    await submitEvaluation(actorOf(s.student), { evaluationId: evaluation.id, ratings: ratingsOf(4) });
    const changed = edit(evaluation.id, { items: [{ id: OVERALL_ITEM_ID, text: "别的问题" }] });
    expect(await failureOf(updateEvaluation(actorOf(s.teacher), changed))).toMatchObject({ code: "evaluation.items_locked" });
    expect((await db.evaluation.findUniqueOrThrow({ where: { id: evaluation.id } })).title).toBe("课程评教");

    await updateEvaluation(actorOf(s.teacher), edit(evaluation.id, { opensAt: local(-2 * HOUR), closesAt: local(0) }));
    const row = await db.evaluation.findUniqueOrThrow({ where: { id: evaluation.id } });
    expect(row.title).toBe("改过的标题");
    expect(row.closesAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("refuses an item id the evaluation does not have", async () => {
    const evaluation = await makeEvaluation(s.course.id);
    expect(await failureOf(updateEvaluation(actorOf(s.teacher), edit(evaluation.id, { items: [{ id: "forged", text: "x" }] })))).toMatchObject({
      code: "evaluation.unknown_item",
    });
  });

  it.each([
    ["teacher", "ok"],
    ["admin", "ok"],
    ["assistant", "auth.forbidden"],
    ["deptAdmin", "auth.forbidden"],
    ["student", "auth.forbidden"],
    ["otherTeacher", "not_found"],
    ["outsider", "not_found"],
  ] as const)("%s → %s (and a refusal changes nothing)", async (who, expected) => {
    const evaluation = await makeEvaluation(s.course.id);
    const run = updateEvaluation(actorOf(s[who]), edit(evaluation.id));
    if (expected === "ok") await expect(run).resolves.toMatchObject({ evaluationId: evaluation.id });
    else await expect(run).rejects.toMatchObject({ code: expected });
    const row = await db.evaluation.findUniqueOrThrow({ where: { id: evaluation.id } });
    expect(row.title).toBe(expected === "ok" ? "改过的标题" : "课程评教");
  });
});
