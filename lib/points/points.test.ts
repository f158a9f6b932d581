import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { answerStage } from "@/lib/preclass/answer-stage";
import { savePackage } from "@/lib/preclass/save-package";
import { submitFeedback } from "@/lib/preclass/submit-feedback";
import { makeLesson, sampleCase, setWindow } from "@/lib/preclass/test-fixtures";
import { actorOf, makeCourse, makeSchool } from "@/tests/factories";
import { POINTS_FOR, awardPoints } from "./award-points";
import { getMyPoints } from "./get-my-points";
import { getPointsSetting } from "./get-points-setting";
import { setPointsEnabled } from "./set-points-enabled";

type School = Awaited<ReturnType<typeof makeSchool>>;

let s: School;
beforeAll(async () => {
  s = await makeSchool();
});

const awardsOf = (userId: string, reason?: string) => db.pointsAward.findMany({ where: { userId, ...(reason && { reason }) } });

async function openLesson(courseId = s.course.id) {
  const lesson = await makeLesson(courseId);
  await setWindow(lesson.id, "open");
  return { lesson, ratings: lesson.objectives.map((objective) => ({ objectiveId: objective.id, confidence: 3 })) };
}

describe("points for pre-class feedback (seed 004: never for empty or copied answers)", () => {
  it.each([
    ["ratings only, no text", { unclear: "", questions: "" }, 0],
    ["punctuation only", { unclear: "？？？？？？", questions: "……" }, 0],
    ["a text too short", { unclear: "不懂", questions: "" }, 0],
    ["a stock nothing-answer", { unclear: "暂时没有什么问题", questions: "" }, 0],
    ["own words", { unclear: "第二心音分裂为什么吸气时更明显", questions: "" }, POINTS_FOR.preclass_feedback],
    ["a question of one's own", { unclear: "", questions: "奔马律一定是病理性的吗？" }, POINTS_FOR.preclass_feedback],
  ])("%s %j → %d points", async (_label, texts, points) => {
    const { lesson, ratings } = await openLesson();
    const { feedbackId } = await submitFeedback(actorOf(s.student), { lessonId: lesson.id, ratings, ...texts });
    const awards = await db.pointsAward.findMany({ where: { subjectId: feedbackId } });
    expect(awards.reduce((sum, award) => sum + award.points, 0)).toBe(points);
    if (points) expect(awards).toEqual([expect.objectContaining({ userId: s.student.id, courseId: s.course.id, reason: "preclass_feedback" })]);
  });

  it("gives nothing for a classmate's text copied (punctuation and spacing aside)", async () => {
    const { lesson, ratings } = await openLesson();
    const first = await submitFeedback(actorOf(s.student), { lessonId: lesson.id, ratings, unclear: "心尖部收缩期杂音的临床意义？" });
    const copy = await submitFeedback(actorOf(s.student2), { lessonId: lesson.id, ratings, questions: "心尖部 收缩期杂音的临床意义" });
    expect(await db.pointsAward.count({ where: { subjectId: first.feedbackId } })).toBe(1);
    expect(await db.pointsAward.count({ where: { subjectId: copy.feedbackId } })).toBe(0);
  });

  it("awards once, when an edit first adds something of substance", async () => {
    const { lesson, ratings } = await openLesson();
    const student = actorOf(s.student);
    const { feedbackId } = await submitFeedback(student, { lessonId: lesson.id, ratings });
    expect(await db.pointsAward.count({ where: { subjectId: feedbackId } })).toBe(0);
    await submitFeedback(student, { lessonId: lesson.id, ratings, unclear: "舒张期杂音和收缩期杂音怎么区分" });
    await submitFeedback(student, { lessonId: lesson.id, ratings, unclear: "改写后的另一个疑问：杂音分级标准" });
    expect(await db.pointsAward.count({ where: { subjectId: feedbackId } })).toBe(1);
  });

  it("awards nothing in a course with points switched off", async () => {
    const course = await makeCourse(s.dept.id, [{ userId: s.student.id, role: "STUDENT" }]);
    await db.course.update({ where: { id: course.id }, data: { pointsEnabled: false } });
    const { lesson, ratings } = await openLesson(course.id);
    await submitFeedback(actorOf(s.student), { lessonId: lesson.id, ratings, unclear: "心音听诊的部位怎么记忆" });
    expect(await db.pointsAward.count({ where: { courseId: course.id } })).toBe(0);
  });
});

describe("points for a completed pre-class case", () => {
  async function caseLesson() {
    const lesson = await makeLesson(s.course.id);
    const { stageIds } = await savePackage(actorOf(s.teacher), { lessonId: lesson.id, material: "", case: sampleCase() });
    await setWindow(lesson.id, "open");
    const clinicalCase = await db.clinicalCase.findUniqueOrThrow({ where: { lessonId: lesson.id }, select: { id: true } });
    // The sample case's third stage has no question; the others do.
    return { stageIds: stageIds!, caseId: clinicalCase.id };
  }

  it("awards once every stage with a question is answered, not before, and not again on a changed answer", async () => {
    const { stageIds, caseId } = await caseLesson();
    const student = actorOf(s.student2);
    await answerStage(student, { stageId: stageIds[0], answer: "冠心病、心衰" });
    await answerStage(student, { stageId: stageIds[1], answer: "二尖瓣关闭不全" });
    expect(await db.pointsAward.count({ where: { subjectId: caseId } })).toBe(0);
    await answerStage(student, { stageId: stageIds[3], answer: "利尿、扩血管，必要时手术" });
    await answerStage(student, { stageId: stageIds[3], answer: "改了答案" });
    expect(await db.pointsAward.findMany({ where: { subjectId: caseId } })).toEqual([
      expect.objectContaining({ userId: s.student2.id, reason: "case_completed", points: POINTS_FOR.case_completed }),
    ]);
  });

  it("gives nothing to a classmate who answered only part of it", async () => {
    const { stageIds, caseId } = await caseLesson();
    await answerStage(actorOf(s.student), { stageId: stageIds[0], answer: "冠心病" });
    expect(await db.pointsAward.count({ where: { subjectId: caseId, userId: s.student.id } })).toBe(0);
  });
});

describe("getMyPoints", () => {
  it("lists the student's own awards in this course, newest first, with the total", async () => {
    const course = await makeCourse(s.dept.id, [
      { userId: s.teacher.id, role: "TEACHER" },
      { userId: s.student.id, role: "STUDENT" },
      { userId: s.student2.id, role: "STUDENT" },
    ]);
    await db.pointsAward.createMany({
      data: [
        { userId: s.student.id, courseId: course.id, reason: "preclass_feedback", subjectId: "f1", points: 5, createdAt: new Date("2026-10-01T02:00:00Z") },
        { userId: s.student.id, courseId: course.id, reason: "practice_streak", subjectId: "2026-10-03", points: 2, createdAt: new Date("2026-10-03T02:00:00Z") },
        { userId: s.student2.id, courseId: course.id, reason: "preclass_feedback", subjectId: "f2", points: 5 },
      ],
    });
    const mine = await getMyPoints(actorOf(s.student), course.id);
    expect(mine).toMatchObject({ enabled: true, total: 7 });
    expect(mine.enabled && mine.awards.map((award) => [award.reason, award.points])).toEqual([
      ["practice_streak", 2],
      ["preclass_feedback", 5],
    ]);

    await setPointsEnabled(actorOf(s.teacher), { courseId: course.id, enabled: false });
    expect(await getMyPoints(actorOf(s.student), course.id)).toEqual({ courseId: course.id, courseTitle: course.title, enabled: false });
    await setPointsEnabled(actorOf(s.teacher), { courseId: course.id, enabled: true });
    expect(await getMyPoints(actorOf(s.student), course.id)).toMatchObject({ enabled: true, total: 7 });
  });

  it.each([
    ["student", "ok"],
    ["teacher", "auth.forbidden"],
    ["deptAdmin", "auth.forbidden"],
    ["otherTeacher", "not_found"],
    ["outsider", "not_found"],
  ] as const)("%s → %s", async (who, expected) => {
    const run = getMyPoints(actorOf(s[who]), s.course.id);
    if (expected === "ok") await expect(run).resolves.toMatchObject({ enabled: true });
    else await expect(run).rejects.toMatchObject({ code: expected });
  });
});

describe("the points switch", () => {
  it("stops awards while off and keeps earlier ones", async () => {
    const course = await makeCourse(s.dept.id, [{ userId: s.teacher.id, role: "TEACHER" }]);
    const award = (subjectId: string) =>
      db.$transaction((tx) => awardPoints(tx, { userId: s.student.id, courseId: course.id, reason: "quiz_attempt", subjectId }));
    expect(await award("q1")).toBe(true);
    await setPointsEnabled(actorOf(s.teacher), { courseId: course.id, enabled: "false" });
    expect(await getPointsSetting(actorOf(s.teacher), course.id)).toEqual({ courseId: course.id, enabled: false });
    expect(await award("q2")).toBe(false);
    expect((await awardsOf(s.student.id, "quiz_attempt")).filter((a) => a.courseId === course.id).map((a) => a.subjectId)).toEqual(["q1"]);
    // Switching is audited; switching to what it already is changes nothing and records nothing.
    await setPointsEnabled(actorOf(s.teacher), { courseId: course.id, enabled: false });
    await setPointsEnabled(actorOf(s.teacher), { courseId: course.id, enabled: true });
    const audits = await db.auditLog.findMany({
      where: { target: course.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { action: true, actorId: true, courseId: true, departmentId: true, detail: true },
    });
    expect(audits).toEqual([
      { action: "points.disable", actorId: s.teacher.id, courseId: course.id, departmentId: s.dept.id, detail: { from: { pointsEnabled: true }, to: { pointsEnabled: false } } },
      { action: "points.enable", actorId: s.teacher.id, courseId: course.id, departmentId: s.dept.id, detail: { from: { pointsEnabled: false }, to: { pointsEnabled: true } } },
    ]);
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
    await db.course.update({ where: { id: s.course.id }, data: { pointsEnabled: true } });
    const audited = () => db.auditLog.count({ where: { target: s.course.id, action: "points.disable", actorId: s[who].id } });
    const before = await audited();
    const run = () => setPointsEnabled(actorOf(s[who]), { courseId: s.course.id, enabled: false });
    const read = () => getPointsSetting(actorOf(s[who]), s.course.id);
    if (expected === "ok") {
      await expect(run()).resolves.toEqual({ courseId: s.course.id, enabled: false });
      await expect(read()).resolves.toBeTruthy();
    } else {
      await expect(run()).rejects.toMatchObject({ code: expected });
      await expect(read()).rejects.toMatchObject({ code: expected });
    }
    const { pointsEnabled } = await db.course.findUniqueOrThrow({ where: { id: s.course.id }, select: { pointsEnabled: true } });
    expect(pointsEnabled).toBe(expected !== "ok");
    expect(await audited()).toBe(before + (expected === "ok" ? 1 : 0));
    await db.course.update({ where: { id: s.course.id }, data: { pointsEnabled: true } });
  });
});
