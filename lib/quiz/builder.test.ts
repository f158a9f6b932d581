import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf, makeCourse, makeSchool } from "@/tests/factories";
import { createQuiz } from "./create-quiz";
import { deleteQuiz } from "./delete-quiz";
import { getQuizForEditor } from "./get-quiz-for-editor";
import { publishQuiz } from "./publish-quiz";
import { setQuizItems } from "./set-quiz-items";
import { startAttempt } from "./start-attempt";
import { failureOf, makeQuestion, makeQuiz, type School } from "./test-fixtures";
import { unpublishQuiz } from "./unpublish-quiz";
import { updateQuiz } from "./update-quiz";

let s: School;
beforeAll(async () => {
  s = await makeSchool();
});

describe("createQuiz", () => {
  it.each([
    ["teacher", null],
    ["admin", null],
    ["assistant", "auth.forbidden"],
    ["deptAdmin", "auth.forbidden"],
    ["student", "auth.forbidden"],
    ["otherTeacher", "not_found"],
    ["outsider", "not_found"],
    ["otherDeptAdmin", "not_found"],
  ] as const)("%s → %s", async (who, code) => {
    const before = await db.quiz.count();
    const work = createQuiz(actorOf(s[who]), { courseId: s.course.id, title: "测验" });
    if (code === null) {
      const { quizId } = await work;
      expect(await db.quiz.findUnique({ where: { id: quizId } })).toMatchObject({ status: "DRAFT", courseId: s.course.id, createdById: s[who].id });
    } else {
      await expect(work).rejects.toMatchObject({ code });
      expect(await db.quiz.count()).toBe(before);
    }
  });

  it("stores the settings with times read as Beijing time", async () => {
    const lesson = await db.lesson.create({ data: { courseId: s.course.id, position: 0, title: "心脏检查", startsAt: new Date(), endsAt: new Date() } });
    const { quizId } = await createQuiz(actorOf(s.teacher), {
      courseId: s.course.id,
      title: "  心音测验 ",
      lessonId: lesson.id,
      opensAt: "2030-03-01T08:00",
      closesAt: "2030-03-02T22:00",
      timeLimitMinutes: 20,
      attemptsAllowed: 3,
      scoring: "AVERAGE",
      review: "NEVER",
      confidenceMarking: true,
      passPercent: 70,
    });
    expect(await db.quiz.findUniqueOrThrow({ where: { id: quizId } })).toMatchObject({
      title: "心音测验",
      lessonId: lesson.id,
      opensAt: new Date("2030-03-01T00:00:00Z"),
      closesAt: new Date("2030-03-02T14:00:00Z"),
      timeLimitMinutes: 20,
      attemptsAllowed: 3,
      scoring: "AVERAGE",
      review: "NEVER",
      confidenceMarking: true,
      passPercent: 70,
    });
  });

  it("refuses a close before the open, and a lesson or assessment item of another course", async () => {
    const teacher = actorOf(s.teacher);
    const base = { courseId: s.course.id, title: "测验" };
    expect(await failureOf(createQuiz(teacher, { ...base, opensAt: "2030-03-02T08:00", closesAt: "2030-03-01T08:00" }))).toMatchObject({
      code: "quiz.closes_before_opens",
    });
    const other = await makeCourse(s.dept.id);
    const lesson = await db.lesson.create({ data: { courseId: other.id, position: 0, title: "别的课", startsAt: new Date(), endsAt: new Date() } });
    const item = await db.assessmentItem.create({ data: { courseId: other.id, position: 0, name: "期末", weight: 100 } });
    expect(await failureOf(createQuiz(teacher, { ...base, lessonId: lesson.id }))).toMatchObject({ code: "quiz.unknown_lesson" });
    expect(await failureOf(createQuiz(teacher, { ...base, assessmentItemId: item.id }))).toMatchObject({ code: "quiz.unknown_assessment" });
    expect(await failureOf(createQuiz(teacher, { ...base, title: " ", attemptsAllowed: 0 }))).toMatchObject({
      code: "validation",
      fieldErrors: { title: ["validation.required"], attemptsAllowed: ["validation.too_small"] },
    });
  });
});

describe("setQuizItems", () => {
  it("keeps the order and points, and takes questions shared within the department", async () => {
    const own = await makeQuestion(s.course.id, "SINGLE");
    const sibling = await makeCourse(s.dept.id);
    const shared = await makeQuestion(sibling.id, "TRUE_FALSE", { shared: true });
    const quiz = await makeQuiz(s, { questions: [{ id: shared.id, points: 2.5 }, { id: own.id }], publish: false });
    const items = await db.quizQuestion.findMany({ where: { quizId: quiz.id }, orderBy: { position: "asc" } });
    expect(items.map((i) => [i.questionId, i.points])).toEqual([
      [shared.id, 2.5],
      [own.id, 1],
    ]);
    const editor = await getQuizForEditor(actorOf(s.teacher), quiz.id);
    expect(editor.items.map((i) => i.fromCourse)).toEqual([sibling.title, null]);
  });

  it("refuses questions the course may not use: unshared, another department's, archived", async () => {
    const quiz = await makeQuiz(s, { publish: false });
    const sibling = await makeCourse(s.dept.id);
    const foreign = await makeCourse(s.otherDept.id);
    for (const question of [
      await makeQuestion(sibling.id, "SINGLE"),
      await makeQuestion(foreign.id, "SINGLE", { shared: true }),
      await makeQuestion(s.course.id, "SINGLE", { archived: true }),
    ]) {
      expect(await failureOf(setQuizItems(actorOf(s.teacher), { quizId: quiz.id, questions: [{ questionId: question.id, points: 1 }], draws: [] }))).toMatchObject({
        code: "quiz.unknown_question",
      });
    }
  });

  it("checks that the draws together find enough questions besides the fixed ones", async () => {
    const course = await makeCourse(s.dept.id, [{ userId: s.teacher.id, role: "TEACHER" }]);
    const tagged = await Promise.all([1, 2, 3].map(() => makeQuestion(course.id, "SINGLE", { tags: ["系统:心血管"], difficulty: 2 })));
    await makeQuestion(course.id, "SINGLE", { tags: ["系统:呼吸"], difficulty: 2 });
    const { quizId } = await createQuiz(actorOf(s.teacher), { courseId: course.id, title: "抽题" });
    const set = (draws: { tag?: string; difficulty?: number; count: number }[], fixed: string[] = []) =>
      setQuizItems(actorOf(s.teacher), { quizId, questions: fixed.map((questionId) => ({ questionId, points: 1 })), draws: draws.map((d) => ({ points: 1, ...d })) });

    await set([{ tag: "系统:心血管", count: 3 }]);
    expect(await failureOf(set([{ tag: "系统:心血管", count: 3 }], [tagged[0].id]))).toMatchObject({
      code: "quiz.not_enough_questions",
      details: { draw: 1, missing: 1 },
    });
    // Difficulty 2 has 4 questions, but 3 are also the only cardiovascular ones: 3 + 2 > 4.
    expect(await failureOf(set([{ tag: "系统:心血管", count: 3 }, { difficulty: 2, count: 2 }]))).toMatchObject({
      code: "quiz.not_enough_questions",
      details: { draw: 2, missing: 1 },
    });
    await set([{ difficulty: 2, count: 1 }, { tag: "系统:心血管", count: 3 }]);
    expect(await db.quizDraw.findMany({ where: { quizId }, orderBy: { position: "asc" }, select: { tag: true, difficulty: true, count: true } })).toEqual([
      { tag: null, difficulty: 2, count: 1 },
      { tag: "系统:心血管", difficulty: null, count: 3 },
    ]);
  });

  it("refuses changes to a published quiz's questions", async () => {
    const q = await makeQuestion(s.course.id, "SINGLE");
    const quiz = await makeQuiz(s, { questions: [{ id: q.id }] });
    expect(await failureOf(setQuizItems(actorOf(s.teacher), { quizId: quiz.id, questions: [], draws: [] }))).toMatchObject({ code: "quiz.locked" });
    expect(await db.quizQuestion.count({ where: { quizId: quiz.id } })).toBe(1);
  });
});

describe("publishQuiz", () => {
  it("needs a question or a draw", async () => {
    const quiz = await makeQuiz(s, { publish: false });
    expect(await failureOf(publishQuiz(actorOf(s.teacher), { quizId: quiz.id }))).toMatchObject({ code: "quiz.empty" });
  });

  it("needs a close time to show answers after the close, and a close in the future", async () => {
    const q = await makeQuestion(s.course.id, "SINGLE");
    const quiz = await makeQuiz(s, { questions: [{ id: q.id }], publish: false, settings: { review: "AFTER_CLOSE" } });
    expect(await failureOf(publishQuiz(actorOf(s.teacher), { quizId: quiz.id }))).toMatchObject({ code: "quiz.close_required" });
    await db.quiz.update({ where: { id: quiz.id }, data: { closesAt: new Date(Date.now() - 1000) } });
    expect(await failureOf(publishQuiz(actorOf(s.teacher), { quizId: quiz.id }))).toMatchObject({ code: "quiz.closes_in_past" });
    expect(await db.quiz.findUniqueOrThrow({ where: { id: quiz.id } })).toMatchObject({ status: "DRAFT" });
  });

  it("publishes and raises quiz.published once, in the same transaction", async () => {
    const lesson = await db.lesson.create({ data: { courseId: s.course.id, position: 1, title: "心音", startsAt: new Date(), endsAt: new Date() } });
    const q = await makeQuestion(s.course.id, "SINGLE");
    const quiz = await makeQuiz(s, { questions: [{ id: q.id }], publish: false, settings: { lessonId: lesson.id } });
    await publishQuiz(actorOf(s.teacher), { quizId: quiz.id });
    await publishQuiz(actorOf(s.teacher), { quizId: quiz.id });
    expect(await db.quiz.findUniqueOrThrow({ where: { id: quiz.id } })).toMatchObject({ status: "PUBLISHED", publishedAt: expect.any(Date) });
    const events = await db.domainEvent.findMany({ where: { type: "quiz.published", subjectId: quiz.id } });
    expect(events).toMatchObject([{ courseId: s.course.id, lessonId: lesson.id }]);
  });

  it.each([
    ["assistant", "auth.forbidden"],
    ["deptAdmin", "auth.forbidden"],
    ["student", "auth.forbidden"],
    ["outsider", "not_found"],
  ] as const)("is the teacher's: %s → %s, nothing published", async (who, code) => {
    const q = await makeQuestion(s.course.id, "SINGLE");
    const quiz = await makeQuiz(s, { questions: [{ id: q.id }], publish: false });
    await expect(publishQuiz(actorOf(s[who]), { quizId: quiz.id })).rejects.toMatchObject({ code });
    expect(await db.quiz.findUniqueOrThrow({ where: { id: quiz.id } })).toMatchObject({ status: "DRAFT" });
    expect(await db.domainEvent.count({ where: { subjectId: quiz.id } })).toBe(0);
  });
});

describe("unpublishQuiz, deleteQuiz and updateQuiz once students have started", () => {
  it("unpublishes only while nobody has attempted", async () => {
    const q = await makeQuestion(s.course.id, "SINGLE");
    const quiz = await makeQuiz(s, { questions: [{ id: q.id }] });
    await unpublishQuiz(actorOf(s.teacher), { quizId: quiz.id });
    expect(await db.quiz.findUniqueOrThrow({ where: { id: quiz.id } })).toMatchObject({ status: "DRAFT", publishedAt: null });
    await publishQuiz(actorOf(s.teacher), { quizId: quiz.id });
    await startAttempt(actorOf(s.student), { quizId: quiz.id });
    expect(await failureOf(unpublishQuiz(actorOf(s.teacher), { quizId: quiz.id }))).toMatchObject({ code: "quiz.has_attempts" });
    expect(await db.quiz.findUniqueOrThrow({ where: { id: quiz.id } })).toMatchObject({ status: "PUBLISHED" });
  });

  it("deletes drafts only", async () => {
    const q = await makeQuestion(s.course.id, "SINGLE");
    const published = await makeQuiz(s, { questions: [{ id: q.id }] });
    expect(await failureOf(deleteQuiz(actorOf(s.teacher), { quizId: published.id }))).toMatchObject({ code: "quiz.locked" });
    const draft = await makeQuiz(s, { publish: false });
    await deleteQuiz(actorOf(s.teacher), { quizId: draft.id });
    expect(await db.quiz.findUnique({ where: { id: draft.id } })).toBeNull();
  });

  it("keeps confidence marking as it was once attempted, and moves running deadlines with the close", async () => {
    const q = await makeQuestion(s.course.id, "SINGLE");
    const quiz = await makeQuiz(s, { questions: [{ id: q.id }] });
    const { attemptId } = await startAttempt(actorOf(s.student), { quizId: quiz.id });
    const base = { quizId: quiz.id, title: quiz.title, review: "IMMEDIATELY" as const };
    expect(await failureOf(updateQuiz(actorOf(s.teacher), { ...base, confidenceMarking: true }))).toMatchObject({ code: "quiz.has_attempts" });
    await updateQuiz(actorOf(s.teacher), { ...base, closesAt: "2031-01-01T12:00" });
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({ deadlineAt: new Date("2031-01-01T04:00:00Z") });
  });
});
