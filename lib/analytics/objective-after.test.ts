import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf } from "@/tests/factories";
import { getCourseDashboard } from "./course-dashboard";
import { objectiveAfter, objectivePhraseOf } from "./objective-after";
import { NOW, makeAnalyticsSchool } from "./test-fixtures";

const lessonStarts = new Date("2026-09-15T00:00:00Z");
const day = (offset: number) => new Date(lessonStarts.getTime() + offset * 86_400_000);

describe("objectivePhraseOf", () => {
  it.each([
    ["目标:心脏听诊", "心脏听诊"],
    ["目标: 心脏听诊", "心脏听诊"],
    ["目标:", null],
    ["系统:心血管", null],
    ["心脏听诊", null],
  ])("%s → %s", (tag, phrase) => expect(objectivePhraseOf(tag)).toBe(phrase));
});

describe("objectiveAfter (worked example)", () => {
  it("averages the objective's questions in quizzes of the lesson and later, and nothing else", () => {
    const answered = [
      // A quiz before the lesson: not "after".
      { heldAt: day(-7), tags: ["目标:心脏听诊"], total: 5, answers: 5 },
      // The lesson's own quiz: 3 of 4 answers' points earned.
      { heldAt: day(0), tags: ["系统:心血管", "目标:心脏听诊"], total: 3, answers: 4 },
      // A later quiz: 1 of 2.
      { heldAt: day(14), tags: ["目标:心脏听诊"], total: 1, answers: 2 },
      // Another objective, and a tag without the prefix: not this objective's.
      { heldAt: day(14), tags: ["目标:肺部检查"], total: 2, answers: 2 },
      { heldAt: day(14), tags: ["心脏听诊"], total: 0, answers: 3 },
    ];
    const after = objectiveAfter("掌握心脏听诊的方法与顺序", lessonStarts, answered);
    expect(after.afterAnswers).toBe(6);
    expect(after.afterAverage).toBeCloseTo(((3 + 1) / 6) * 100, 10);
  });

  it("compares normalized text (full-width letters and colons) and gives null without answers", () => {
    expect(objectiveAfter("掌握ＥＣＧ判读", lessonStarts, [{ heldAt: day(1), tags: ["目标:ECG判读"], total: 1, answers: 1 }])).toEqual({ afterAverage: 100, afterAnswers: 1 });
    expect(objectiveAfter("掌握心脏听诊", lessonStarts, [])).toEqual({ afterAverage: null, afterAnswers: 0 });
  });
});

describe("the course dashboard's per-objective before and after", () => {
  let s: Awaited<ReturnType<typeof makeAnalyticsSchool>>;
  beforeAll(async () => {
    s = await makeAnalyticsSchool();
    // Every lesson has the objectives 掌握心音听诊 and 理解杂音分级; q1 tests the first, q2 the second.
    await db.question.update({ where: { id: s.questions[0].id }, data: { tags: { push: "目标:心音听诊" } } });
    await db.question.update({ where: { id: s.questions[1].id }, data: { tags: { push: "目标:杂音分级" } } });
  });

  it("puts the quiz results on the objective's questions, from its lesson on, next to the confidence", async () => {
    const { lessons } = await getCourseDashboard(actorOf(s.teacher), s.course.id, NOW);
    const rows = lessons.map((lesson) => lesson.objectives.map((o) => [o.text, o.meanConfidence, o.afterAnswers, o.afterAverage === null ? null : Math.round(o.afterAverage * 100) / 100]));
    // Shares of the points per answer (every submitted attempt): quiz 1 (lesson 1) q1 0, 1, 1 and q2 0.8, 0.6, 0;
    // quiz 2 (lesson 2) q1 1, 0, 1 and q2 0.8, 0.6, 0.4. Lesson 1 counts both quizzes, lesson 2 only quiz 2, lesson 3
    // (still to come) none.
    expect(rows).toEqual([
      [
        ["掌握心音听诊", 3, 6, 66.67],
        ["理解杂音分级", 3, 6, 53.33],
      ],
      [
        ["掌握心音听诊", 3, 3, 66.67],
        ["理解杂音分级", 3, 3, 60],
      ],
      [
        ["掌握心音听诊", null, 0, null],
        ["理解杂音分级", null, 0, null],
      ],
    ]);
  });
});
