import { beforeAll, describe, expect, it } from "vitest";
import { giveFeedback, makeFeedbackSchool, makeLessonWithObjectives } from "@/lib/feedback/test-fixtures";
import { actorOf } from "@/tests/factories";
import { listPlanChangesForStudent } from "./list-plan-changes-for-student";
import { savePlanVersion } from "./save-plan-version";

type School = Awaited<ReturnType<typeof makeFeedbackSchool>>;

describe("listPlanChangesForStudent", () => {
  let s: School;
  beforeAll(async () => {
    s = await makeFeedbackSchool();
    const mine = await giveFeedback(s.lesson, s.student.id, { ratings: [1, 2], unclear: "我的私密疑问：第三心音" });
    const theirs = await giveFeedback(s.lesson, s.student2.id, { ratings: [2, 2], questions: "同学的问题：杂音分级" });
    const teacher = actorOf(s.teacher);
    const lessonId = s.lesson.id;
    await savePlanVersion(teacher, { lessonId, baseVersion: 0, content: "一\n二\n", changeNote: "初版" });
    await savePlanVersion(teacher, {
      lessonId,
      baseVersion: 1,
      content: "一\n二（加长）\n三\n",
      changeNote: "延长第三心音讲解时间",
      objectiveIds: [s.lesson.objectives[1].id, s.lesson.objectives[0].id],
      feedbackIds: [mine.id, theirs.id],
    });
    await savePlanVersion(teacher, { lessonId, baseVersion: 2, content: "一\n二（加长）\n", changeNote: "删去第三部分", feedbackIds: [theirs.id] });
  });

  it("lists the versions after the first, newest first, marking the ones the student's feedback caused", async () => {
    const result = await listPlanChangesForStudent(actorOf(s.student), s.lesson.id);
    expect(result.changes.map(({ version, changeNote, objectives, yourFeedbackHelped, lines }) => ({ version, changeNote, objectives, yourFeedbackHelped, lines }))).toEqual([
      { version: 3, changeNote: "删去第三部分", objectives: [], yourFeedbackHelped: false, lines: { added: 0, removed: 1 } },
      {
        version: 2,
        changeNote: "延长第三心音讲解时间",
        objectives: s.lesson.objectives.map(({ id, text }) => ({ id, text })),
        yourFeedbackHelped: true,
        lines: { added: 2, removed: 1 },
      },
    ]);
    expect(result.yourFeedbackHelped).toBe(true);
    expect(result.currentPlan).toEqual({ version: 3, content: "一\n二（加长）\n" });
  });

  it("tells another student only about their own feedback and never leaks anyone else's", async () => {
    const forStudent2 = await listPlanChangesForStudent(actorOf(s.student2), s.lesson.id);
    expect(forStudent2.changes.map((c) => c.yourFeedbackHelped)).toEqual([true, true]);
    const forStudent3 = await listPlanChangesForStudent(actorOf(s.student3), s.lesson.id);
    expect(forStudent3.changes.map((c) => c.yourFeedbackHelped)).toEqual([false, false]);
    expect(forStudent3.yourFeedbackHelped).toBe(false);
    for (const result of [forStudent2, forStudent3, await listPlanChangesForStudent(actorOf(s.student), s.lesson.id)]) {
      const json = JSON.stringify(result);
      for (const secret of ["我的私密疑问", "同学的问题", s.student.name, s.student2.name, s.student.no, s.student2.no]) {
        expect(json).not.toContain(secret);
      }
    }
  });

  it("is empty while only a first version without causes exists", async () => {
    const lesson = await makeLessonWithObjectives(s.course.id, ["目标"]);
    await savePlanVersion(actorOf(s.teacher), { lessonId: lesson.id, baseVersion: 0, content: "初版", changeNote: "初版" });
    expect(await listPlanChangesForStudent(actorOf(s.student), lesson.id)).toEqual({ changes: [], yourFeedbackHelped: false, currentPlan: null });
  });

  it("counts a first version written in answer to feedback as a change", async () => {
    const lesson = await makeLessonWithObjectives(s.course.id, ["目标"]);
    const feedback = await giveFeedback(lesson, s.student.id, { ratings: [1], unclear: "不懂" });
    await savePlanVersion(actorOf(s.teacher), { lessonId: lesson.id, baseVersion: 0, content: "针对反馈的教案", changeNote: "根据反馈编写", feedbackIds: [feedback.id] });
    const result = await listPlanChangesForStudent(actorOf(s.student), lesson.id);
    expect(result.changes.map(({ version, yourFeedbackHelped, lines }) => ({ version, yourFeedbackHelped, lines }))).toEqual([
      { version: 1, yourFeedbackHelped: true, lines: null },
    ]);
    expect(result.currentPlan).toEqual({ version: 1, content: "针对反馈的教案" });
  });

  // Only the course's students ask this, as themselves.
  it.each([
    ["teacher", "auth.forbidden"],
    ["deptAdmin", "auth.forbidden"],
    ["admin", "auth.forbidden"],
    ["outsider", "not_found"],
    ["otherTeacher", "not_found"],
  ] as const)("%s → %s", async (who, code) => {
    await expect(listPlanChangesForStudent(actorOf(s[who]), s.lesson.id)).rejects.toMatchObject({ code });
  });
});
