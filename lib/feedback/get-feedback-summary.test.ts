import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf } from "@/tests/factories";
import { getFeedbackSummary } from "./get-feedback-summary";
import { giveFeedback, makeFeedbackSchool, makeLessonWithObjectives } from "./test-fixtures";

type School = Awaited<ReturnType<typeof makeFeedbackSchool>>;

describe("getFeedbackSummary", () => {
  let s: School;
  beforeAll(async () => {
    s = await makeFeedbackSchool();
    // The worked example: 3 of the 4 students answered.
    await giveFeedback(s.lesson, s.student.id, { ratings: [1, 2], unclear: "第三心音是怎么产生的？" });
    await giveFeedback(s.lesson, s.student2.id, { ratings: [3, 2], questions: "S3 和 S4 怎么区分？" });
    await giveFeedback(s.lesson, s.student3.id, { ratings: [5, 4] });
    // Not counted: someone outside the course, and the same students on another lesson.
    await giveFeedback(s.lesson, s.outsider.id, { ratings: [1, 1], unclear: "外人的问题" });
    const other = await makeLessonWithObjectives(s.course.id, ["别的目标", "另一个"]);
    await giveFeedback(other, s.student4.id, { ratings: [1, 1], unclear: "另一次课" });

    const stageCase = await db.clinicalCase.create({
      data: {
        lessonId: s.lesson.id,
        title: "活动后气促 2 周",
        stages: {
          create: [
            { position: 0, title: "主诉与现病史", content: "……", question: "你首先考虑什么？" },
            { position: 1, title: "体格检查", content: "……" },
            { position: 2, title: "辅助检查", content: "……", question: "还需要哪些检查？" },
          ],
        },
      },
      include: { stages: { orderBy: { position: "asc" } } },
    });
    await db.caseStageAnswer.createMany({
      data: [
        { stageId: stageCase.stages[0].id, studentId: s.student.id, answer: "心力衰竭" },
        { stageId: stageCase.stages[0].id, studentId: s.student2.id, answer: "<b>二尖瓣</b>狭窄" },
        { stageId: stageCase.stages[2].id, studentId: s.student.id, answer: "超声心动图" },
      ],
    });
  });

  it("counts the response rate over the course's current students", async () => {
    const summary = await getFeedbackSummary(actorOf(s.teacher), { lessonId: s.lesson.id });
    expect(summary).toMatchObject({ studentCount: 4, responded: 3, responseRate: 0.75 });
  });

  it("lists who has not responded with number, name, class and group", async () => {
    const summary = await getFeedbackSummary(actorOf(s.teacher), { lessonId: s.lesson.id });
    expect(summary.nonResponders).toEqual([
      { userId: s.student4.id, no: s.student4.no, name: "赵四", className: s.cls.name, groupName: s.group.name },
    ]);
  });

  it("gives the exact confidence distribution and mean per objective, and flags the low ones", async () => {
    const { objectives } = await getFeedbackSummary(actorOf(s.teacher), { lessonId: s.lesson.id });
    expect(objectives.map(({ text, counts, total, low }) => ({ text, counts, total, low }))).toEqual([
      { text: "理解第三心音的产生机制", counts: [1, 0, 1, 0, 1], total: 3, low: false },
      { text: "掌握心脏杂音的分级", counts: [0, 2, 0, 1, 0], total: 3, low: true },
    ]);
    expect(objectives[0].mean).toBe(3);
    expect(objectives[1].mean).toBeCloseTo(8 / 3, 12);
  });

  it("lists the unclear points and questions with the student's name, only items with text", async () => {
    const { items, itemCount } = await getFeedbackSummary(actorOf(s.teacher), { lessonId: s.lesson.id });
    expect(itemCount).toBe(2);
    expect(items.map(({ studentName, unclear, questions }) => ({ studentName, unclear, questions }))).toEqual([
      { studentName: s.student.name, unclear: "第三心音是怎么产生的？", questions: "" },
      { studentName: s.student2.name, unclear: "", questions: "S3 和 S4 怎么区分？" },
    ]);
  });

  it("groups case-stage answers by stage, leaving out stages without question or answers", async () => {
    const { stages } = await getFeedbackSummary(actorOf(s.teacher), { lessonId: s.lesson.id });
    expect(stages.map((stage) => [stage.title, stage.question, stage.answers.map((a) => [a.studentName, a.answer])])).toEqual([
      ["主诉与现病史", "你首先考虑什么？", [[s.student.name, "心力衰竭"], [s.student2.name, "<b>二尖瓣</b>狭窄"]]],
      ["辅助检查", "还需要哪些检查？", [[s.student.name, "超声心动图"]]],
    ]);
  });

  it("shows a lesson nobody has answered yet", async () => {
    const empty = await makeLessonWithObjectives(s.course.id, ["目标"]);
    const summary = await getFeedbackSummary(actorOf(s.teacher), { lessonId: empty.id });
    expect(summary).toMatchObject({ responded: 0, responseRate: 0, itemCount: 0, items: [], stages: [], tags: [] });
    expect(summary.objectives).toEqual([expect.objectContaining({ counts: [0, 0, 0, 0, 0], total: 0, mean: null, low: false })]);
    expect(summary.nonResponders).toHaveLength(4);
  });

  // Students never read their classmates' feedback; outsiders do not learn the lesson exists.
  it.each([
    ["teacher", "ok"],
    ["assistant", "ok"],
    ["deptAdmin", "ok"],
    ["admin", "ok"],
    ["student", "auth.forbidden"],
    ["student2", "auth.forbidden"],
    ["otherTeacher", "not_found"],
    ["otherDeptAdmin", "not_found"],
    ["outsider", "not_found"],
  ] as const)("%s → %s", async (who, expected) => {
    const run = getFeedbackSummary(actorOf(s[who]), { lessonId: s.lesson.id });
    if (expected === "ok") await expect(run).resolves.toMatchObject({ responded: 3, canEdit: who === "teacher" || who === "admin" });
    else await expect(run).rejects.toMatchObject({ code: expected });
  });

  it("reports a lesson that does not exist as not_found", async () => {
    await expect(getFeedbackSummary(actorOf(s.admin), { lessonId: "no-such-lesson" })).rejects.toMatchObject({ code: "not_found" });
  });
});
