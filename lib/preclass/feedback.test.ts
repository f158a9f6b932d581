import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { formToObject } from "@/lib/action";
import { actorOf, makeSchool } from "@/tests/factories";
import { getMyFeedback } from "./get-my-feedback";
import { SubmitFeedbackFormSchema, ratingFieldOf } from "./schemas";
import { submitFeedback } from "./submit-feedback";
import { failureOf, makeLesson, setWindow } from "./test-fixtures";

type School = Awaited<ReturnType<typeof makeSchool>>;

let s: School;
beforeAll(async () => {
  s = await makeSchool();
});

async function openLesson(window: "open" | "not_open" | "closed" | null = "open") {
  const lesson = await makeLesson(s.course.id, ["理解心音的产生机制", "掌握心脏听诊的顺序与部位", "能够识别常见杂音"]);
  if (window) await setWindow(lesson.id, window);
  return { lesson, objectiveIds: lesson.objectives.map((objective) => objective.id) };
}

const ratings = (objectiveIds: string[], levels: number[]) =>
  objectiveIds.map((objectiveId, i) => ({ objectiveId, confidence: levels[i] }));

const stored = (lessonId: string) =>
  db.preClassFeedback.findMany({
    where: { lessonId },
    select: { id: true, studentId: true, unclear: true, questions: true, ratings: { orderBy: { confidence: "asc" }, select: { objectiveId: true, confidence: true } } },
  });

describe("submitFeedback", () => {
  it("stores one feedback per student, replaces it on edit and raises the event only the first time", async () => {
    const { lesson, objectiveIds } = await openLesson();
    const student = actorOf(s.student);
    const first = await submitFeedback(student, {
      lessonId: lesson.id,
      ratings: ratings(objectiveIds, [2, 3, 1]),
      unclear: "第二心音分裂的机制",
      questions: "舒张期杂音怎么分级？",
    });
    await db.feedbackTag.create({ data: { feedbackId: first.feedbackId, label: "心音听诊" } });
    const second = await submitFeedback(student, { lessonId: lesson.id, ratings: ratings(objectiveIds, [4, 5, 3]), unclear: "" });
    expect(second.feedbackId).toBe(first.feedbackId);

    const rows = await stored(lesson.id);
    expect(rows).toEqual([
      {
        id: first.feedbackId,
        studentId: s.student.id,
        unclear: "",
        questions: "",
        ratings: ratings(objectiveIds, [4, 5, 3]).sort((a, b) => a.confidence - b.confidence),
      },
    ]);
    // The teacher's grouping survives the student's edit.
    expect(await db.feedbackTag.count({ where: { feedbackId: first.feedbackId } })).toBe(1);
    const events = await db.domainEvent.findMany({ where: { lessonId: lesson.id } });
    expect(events).toEqual([
      expect.objectContaining({ type: "preclass.feedback_submitted", courseId: s.course.id, subjectId: first.feedbackId, payload: { feedbackId: first.feedbackId } }),
    ]);
  });

  it("shows each student only their own feedback", async () => {
    const { lesson, objectiveIds } = await openLesson();
    await submitFeedback(actorOf(s.student), { lessonId: lesson.id, ratings: ratings(objectiveIds, [1, 2, 3]), questions: "问题" });
    expect(await getMyFeedback(actorOf(s.student), lesson.id)).toMatchObject({ questions: "问题", ratings: expect.any(Array) });
    expect(await getMyFeedback(actorOf(s.student2), lesson.id)).toBeNull();
    await expect(getMyFeedback(actorOf(s.teacher), lesson.id)).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(getMyFeedback(actorOf(s.outsider), lesson.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("keeps markup as plain text", async () => {
    const { lesson, objectiveIds } = await openLesson();
    const payload = `<script>alert(1)</script>[x](javascript:alert(1))`;
    await submitFeedback(actorOf(s.student), { lessonId: lesson.id, ratings: ratings(objectiveIds, [3, 3, 3]), unclear: payload, questions: payload });
    expect((await stored(lesson.id))[0]).toMatchObject({ unclear: payload, questions: payload });
  });

  it("reads the form's radio groups", () => {
    const form = new FormData();
    form.set("lessonId", "l1");
    form.set(ratingFieldOf("o1"), "4");
    form.set(ratingFieldOf("o2"), "1");
    form.set("unclear", " 不清楚 ");
    expect(SubmitFeedbackFormSchema.parse(formToObject(form))).toEqual({
      lessonId: "l1",
      ratings: [
        { objectiveId: "o1", confidence: 4 },
        { objectiveId: "o2", confidence: 1 },
      ],
      unclear: "不清楚",
      questions: "",
    });
  });

  type Case = [string, (ids: string[], otherId: string) => Record<string, unknown>, string];
  const INVALID: Case[] = [
    ["a confidence of 0", (ids) => ({ ratings: ratings(ids, [0, 3, 3]) }), "validation"],
    ["a confidence of 6", (ids) => ({ ratings: ratings(ids, [6, 3, 3]) }), "validation"],
    ["a fractional confidence", (ids) => ({ ratings: ratings(ids, [2.5, 3, 3]) }), "validation"],
    ["an objective rated twice", (ids) => ({ ratings: [...ratings(ids, [3, 3, 3]), { objectiveId: ids[0], confidence: 1 }] }), "validation"],
    ["an objective of another lesson", (ids, otherId) => ({ ratings: [...ratings(ids, [3, 3, 3]), { objectiveId: otherId, confidence: 2 }] }), "preclass.unknown_objective"],
    ["an objective not rated", (ids) => ({ ratings: ratings(ids.slice(0, 2), [3, 3]) }), "preclass.ratings_incomplete"],
    ["no ratings at all", () => ({ ratings: [] }), "preclass.ratings_incomplete"],
    ["unclear over 2000 characters", (ids) => ({ ratings: ratings(ids, [3, 3, 3]), unclear: "x".repeat(2001) }), "validation"],
    ["questions over 2000 characters", (ids) => ({ ratings: ratings(ids, [3, 3, 3]), questions: "x".repeat(2001) }), "validation"],
  ];

  it.each(INVALID)("refuses %s and stores nothing", async (_label, build, code) => {
    const { lesson, objectiveIds } = await openLesson();
    const other = await makeLesson(s.course.id);
    const result = await failureOf(submitFeedback(actorOf(s.student), { lessonId: lesson.id, ...build(objectiveIds, other.objectives[0].id) } as never));
    expect(result).toMatchObject({ code });
    if (code === "preclass.ratings_incomplete") expect(result.details?.missing).toContain(objectiveIds[2]);
    expect(await stored(lesson.id)).toEqual([]);
  });

  it("leaves an earlier submission unchanged when an edit is refused", async () => {
    const { lesson, objectiveIds } = await openLesson();
    await submitFeedback(actorOf(s.student), { lessonId: lesson.id, ratings: ratings(objectiveIds, [1, 2, 3]), unclear: "原来的" });
    const before = await stored(lesson.id);
    await expect(
      submitFeedback(actorOf(s.student), { lessonId: lesson.id, ratings: ratings(objectiveIds.slice(1), [5, 5]), unclear: "新的" }),
    ).rejects.toMatchObject({ code: "preclass.ratings_incomplete" });
    expect(await stored(lesson.id)).toEqual(before);
  });

  it.each([
    ["before the window opens", "not_open", "preclass.not_open"],
    ["after the window closes", "closed", "preclass.closed"],
    ["for a draft package", null, "not_found"],
  ] as const)("refuses feedback %s", async (_label, window, code) => {
    const { lesson, objectiveIds } = await openLesson(window);
    await expect(submitFeedback(actorOf(s.student), { lessonId: lesson.id, ratings: ratings(objectiveIds, [3, 3, 3]) })).rejects.toMatchObject({ code });
    expect(await stored(lesson.id)).toEqual([]);
  });

  it("refuses an edit once the window has closed", async () => {
    const { lesson, objectiveIds } = await openLesson();
    await submitFeedback(actorOf(s.student), { lessonId: lesson.id, ratings: ratings(objectiveIds, [1, 1, 1]) });
    await setWindow(lesson.id, "closed");
    await expect(submitFeedback(actorOf(s.student), { lessonId: lesson.id, ratings: ratings(objectiveIds, [5, 5, 5]) })).rejects.toMatchObject({
      code: "preclass.closed",
    });
    expect((await getMyFeedback(actorOf(s.student), lesson.id))?.ratings.map((r) => r.confidence)).toEqual([1, 1, 1]);
  });

  it.each([
    ["teacher", "auth.forbidden"],
    ["assistant", "auth.forbidden"],
    ["admin", "auth.forbidden"],
    ["outsider", "not_found"],
    ["otherDeptAdmin", "not_found"],
  ] as const)("is for enrolled students only: %s → %s", async (who, code) => {
    const { lesson, objectiveIds } = await openLesson();
    await expect(submitFeedback(actorOf(s[who]), { lessonId: lesson.id, ratings: ratings(objectiveIds, [3, 3, 3]) })).rejects.toMatchObject({ code });
    expect(await stored(lesson.id)).toEqual([]);
  });
});
