import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf, makeCourse, makeDepartment, makeSchool } from "@/tests/factories";
import { answerPracticeQuestion } from "./answer-practice-question";
import { getPracticeOverview } from "./get-practice-overview";
import { nextPracticeQuestion } from "./next-practice-question";
import { at, failureOf, makeQuestion } from "./test-fixtures";

type School = Awaited<ReturnType<typeof makeSchool>>;
type Who = Exclude<keyof School, "dept" | "otherDept" | "course">;

let s: School;
beforeAll(async () => {
  s = await makeSchool();
});

/**
 * A course with the school's members and an empty bank: in a department of its own (another test's shared questions
 * would join its bank), or in the school's department where department roles matter.
 */
async function freshCourse(departmentId?: string) {
  return makeCourse(departmentId ?? (await makeDepartment()).id, [
    { userId: s.teacher.id, role: "TEACHER" },
    { userId: s.assistant.id, role: "ASSISTANT" },
    { userId: s.student.id, role: "STUDENT" },
    { userId: s.student2.id, role: "STUDENT" },
  ]);
}

const stored = async (courseId: string) => ({
  answers: await db.practiceAnswer.count({ where: { courseId } }),
  mistakes: await db.mistakeItem.count({ where: { courseId } }),
  points: await db.pointsAward.count({ where: { courseId } }),
});

describe("who may practise", () => {
  const ROLES: [Who, "ok" | "not_found" | "auth.forbidden"][] = [
    ["student", "ok"],
    ["student2", "ok"],
    ["outsider", "not_found"],
    ["teacher", "auth.forbidden"],
    ["assistant", "auth.forbidden"],
    ["otherTeacher", "not_found"],
    ["deptAdmin", "auth.forbidden"],
    ["otherDeptAdmin", "not_found"],
    ["admin", "auth.forbidden"],
  ];

  it.each(ROLES)("%s → %s (overview, next question, answer), and a refusal stores nothing", async (who, expected) => {
    const course = await freshCourse(s.dept.id);
    const q = await makeQuestion(course.id);
    const actor = actorOf(s[who]);
    const calls = [
      () => getPracticeOverview(actor, course.id),
      () => nextPracticeQuestion(actor, { courseId: course.id, filter: { kind: "all" } }),
      () => answerPracticeQuestion(actor, { courseId: course.id, questionId: q.id, response: ["A"] }),
    ];
    if (expected === "ok") {
      const [overview, next, feedback] = await Promise.all(calls.map((call) => call()));
      expect(overview).toMatchObject({ total: 1 });
      expect(next).toMatchObject({ question: { id: q.id } });
      expect(feedback).toMatchObject({ correct: false });
      return;
    }
    for (const call of calls) expect(await failureOf(call())).toMatchObject({ code: expected });
    expect(await stored(course.id)).toEqual({ answers: 0, mistakes: 0, points: 0 });
  });
});

describe("the practice bank", () => {
  it("holds the course's live objective questions and the department's shared ones, and nothing else", async () => {
    const course = await freshCourse();
    const sibling = await makeCourse(course.departmentId);
    const foreign = await makeCourse((await makeDepartment()).id);
    const inBank = [
      await makeQuestion(course.id, "SINGLE"),
      await makeQuestion(course.id, "MULTIPLE"),
      await makeQuestion(course.id, "TRUE_FALSE"),
      await makeQuestion(course.id, "FILL_IN"),
      await makeQuestion(sibling.id, "SINGLE", { shared: true }),
    ];
    const outside = [
      await makeQuestion(course.id, "SHORT_ANSWER"),
      await makeQuestion(course.id, "SINGLE", { archived: true }),
      await makeQuestion(sibling.id, "SINGLE"),
      await makeQuestion(foreign.id, "SINGLE", { shared: true }),
    ];
    const student = actorOf(s.student);
    expect(await getPracticeOverview(student, course.id)).toMatchObject({ total: inBank.length });

    const shown = new Set<string>();
    for (let i = 0; i < inBank.length; i++) {
      const { question } = await nextPracticeQuestion(student, { courseId: course.id, filter: { kind: "all" } });
      shown.add(question!.id);
      await answerPracticeQuestion(student, { courseId: course.id, questionId: question!.id, response: responseFor(question!.type) });
    }
    expect([...shown].sort()).toEqual(inBank.map((q) => q.id).sort());

    for (const q of outside) {
      expect(await failureOf(answerPracticeQuestion(student, { courseId: course.id, questionId: q.id, response: ["A"] }))).toMatchObject({ code: "not_found" });
    }
    expect(await db.practiceAnswer.count({ where: { courseId: course.id, questionId: { in: outside.map((q) => q.id) } } })).toBe(0);
  });

  it("holds back a question an open quiz uses (or one that never shows answers) until the quiz closes", async () => {
    const course = await freshCourse();
    const quizQuestion = await makeQuestion(course.id);
    const neverReviewed = await makeQuestion(course.id);
    const free = await makeQuestion(course.id);
    const now = new Date();
    const quiz = await db.quiz.create({
      data: { courseId: course.id, title: "课后测验", status: "PUBLISHED", closesAt: new Date(now.getTime() + 3600_000), questions: { create: [{ questionId: quizQuestion.id, position: 0 }] } },
    });
    await db.quiz.create({
      data: { courseId: course.id, title: "期末", status: "PUBLISHED", review: "NEVER", closesAt: new Date(now.getTime() - 3600_000), questions: { create: [{ questionId: neverReviewed.id, position: 0 }] } },
    });
    // A draft quiz holds nothing back.
    await db.quiz.create({ data: { courseId: course.id, title: "草稿", questions: { create: [{ questionId: free.id, position: 0 }] } } });
    const student = actorOf(s.student);

    expect(await getPracticeOverview(student, course.id)).toMatchObject({ total: 1 });
    expect((await nextPracticeQuestion(student, { courseId: course.id, filter: { kind: "all" } })).question?.id).toBe(free.id);
    expect(await failureOf(answerPracticeQuestion(student, { courseId: course.id, questionId: quizQuestion.id, response: ["B"] }))).toMatchObject({ code: "not_found" });

    await db.quiz.update({ where: { id: quiz.id }, data: { closesAt: new Date(now.getTime() - 60_000) } });
    expect(await answerPracticeQuestion(student, { courseId: course.id, questionId: quizQuestion.id, response: ["B"] })).toMatchObject({ correct: true, answer: ["B"] });
  });

  it("holds back the questions drawn for the student's own attempt until the quiz closes, and any of an unfinished one", async () => {
    const course = await freshCourse();
    const [drawn, unfinished] = [await makeQuestion(course.id), await makeQuestion(course.id)];
    const open = await db.quiz.create({ data: { courseId: course.id, title: "随机抽题", status: "PUBLISHED", closesAt: new Date(Date.now() + 3600_000) } });
    const closed = await db.quiz.create({ data: { courseId: course.id, title: "已截止", status: "PUBLISHED", closesAt: new Date(Date.now() - 1000) } });
    await db.quizAttempt.create({
      data: { quizId: open.id, userId: s.student.id, number: 1, status: "SUBMITTED", maxScore: 1, questions: { create: [{ questionId: drawn.id, position: 0, points: 1, correct: false }] } },
    });
    await db.quizAttempt.create({
      data: { quizId: closed.id, userId: s.student.id, number: 1, maxScore: 1, questions: { create: [{ questionId: unfinished.id, position: 0, points: 1 }] } },
    });
    for (const q of [drawn, unfinished]) {
      expect(await failureOf(answerPracticeQuestion(actorOf(s.student), { courseId: course.id, questionId: q.id, response: ["B"] }))).toMatchObject({ code: "not_found" });
      // Other students were not shown these questions by the quiz.
      expect(await answerPracticeQuestion(actorOf(s.student2), { courseId: course.id, questionId: q.id, response: ["B"] })).toMatchObject({ correct: true });
    }
    await db.quiz.update({ where: { id: open.id }, data: { closesAt: new Date(Date.now() - 1000) } });
    expect(await answerPracticeQuestion(actorOf(s.student), { courseId: course.id, questionId: drawn.id, response: ["B"] })).toMatchObject({ correct: true });
  });
});

function responseFor(type: string): unknown {
  return { SINGLE: ["A"], MULTIPLE: ["A"], TRUE_FALSE: [false], FILL_IN: ["x"] }[type];
}

describe("no answer before answering", () => {
  const SECRET_EXPLANATION = "解析-SECRET-9f3";
  const SECRETS = {
    SINGLE: { answer: ["C"] },
    MULTIPLE: { answer: ["B", "D"] },
    TRUE_FALSE: { answer: [false] },
    FILL_IN: { stem: "填空：____", answer: [["ACCEPTED-7x2", "另一个-7x2"]] },
  } as const;

  it.each(Object.keys(SECRETS) as (keyof typeof SECRETS)[])("%s: the question comes without key or explanation, the feedback after answering has both", async (type) => {
    const course = await freshCourse();
    const secret = SECRETS[type];
    const q = await makeQuestion(course.id, type, { ...secret, answer: secret.answer.map((a) => (Array.isArray(a) ? [...a] : a)), explanation: SECRET_EXPLANATION });
    const student = actorOf(s.student);

    const { question } = await nextPracticeQuestion(student, { courseId: course.id, filter: { kind: "all" } });
    expect(question?.id).toBe(q.id);
    expect(Object.keys(question!).sort()).toEqual(["blankCount", "difficulty", "id", "options", "stem", "tags", "type", "vignette"]);
    const json = JSON.stringify(question);
    expect(json).not.toContain(SECRET_EXPLANATION);
    if (type === "FILL_IN") {
      expect(json).not.toContain("7x2");
      expect(question!.blankCount).toBe(1);
    }

    const feedback = await answerPracticeQuestion(student, { courseId: course.id, questionId: q.id, response: responseFor(type) });
    expect(feedback).toMatchObject({ questionId: q.id, explanation: SECRET_EXPLANATION, answer: secret.answer });
  });

  it("reveals nothing when an answer is refused", async () => {
    const course = await freshCourse();
    const q = await makeQuestion(course.id, "SINGLE", { explanation: SECRET_EXPLANATION });
    const result = await failureOf(answerPracticeQuestion(actorOf(s.student), { courseId: course.id, questionId: q.id, response: [] }));
    expect(JSON.stringify(result)).not.toContain(SECRET_EXPLANATION);
    expect(JSON.stringify(result)).not.toContain('"B"');
  });

  it("shows the vignette of a case-based question with the question", async () => {
    const course = await freshCourse();
    const qcase = await db.questionCase.create({ data: { courseId: course.id, vignette: "患者，男，58 岁，活动后胸闷。" } });
    await makeQuestion(course.id, "SINGLE", { caseId: qcase.id, casePosition: 0 });
    const { question } = await nextPracticeQuestion(actorOf(s.student), { courseId: course.id, filter: { kind: "all" } });
    expect(question?.vignette).toBe("患者，男，58 岁，活动后胸闷。");
  });
});

describe("answer shapes", () => {
  type Case = [string, "SINGLE" | "MULTIPLE" | "TRUE_FALSE" | "FILL_IN", unknown, "practice.invalid_answer" | "practice.empty_answer"];
  const REFUSED: Case[] = [
    ["a key that is not an option", "SINGLE", ["E"], "practice.invalid_answer"],
    ["two keys for single choice", "SINGLE", ["A", "B"], "practice.invalid_answer"],
    ["a bare string", "SINGLE", "A", "practice.invalid_answer"],
    ["a boolean for a choice", "SINGLE", [true], "practice.invalid_answer"],
    ["nothing chosen", "SINGLE", [], "practice.empty_answer"],
    ["a key chosen twice", "MULTIPLE", ["A", "A"], "practice.invalid_answer"],
    ["an unknown key", "MULTIPLE", ["A", "Z"], "practice.invalid_answer"],
    ["no keys", "MULTIPLE", [], "practice.empty_answer"],
    ["a string for true/false", "TRUE_FALSE", ["true"], "practice.invalid_answer"],
    ["both true and false", "TRUE_FALSE", [true, false], "practice.invalid_answer"],
    ["no verdict", "TRUE_FALSE", [], "practice.empty_answer"],
    ["more texts than blanks", "FILL_IN", ["心尖", "舒张", "多余"], "practice.invalid_answer"],
    ["a number in a blank", "FILL_IN", [1, "舒张"], "practice.invalid_answer"],
    ["only blank texts", "FILL_IN", ["  ", ""], "practice.empty_answer"],
    ["an overlong text", "FILL_IN", ["x".repeat(5001)], "practice.invalid_answer"],
    ["null", "SINGLE", null, "practice.invalid_answer"],
    ["an object", "MULTIPLE", { A: true }, "practice.invalid_answer"],
  ];

  it.each(REFUSED)("refuses %s (%s) and stores nothing", async (_label, type, response, code) => {
    const course = await freshCourse();
    const q = await makeQuestion(course.id, type);
    expect(await failureOf(answerPracticeQuestion(actorOf(s.student), { courseId: course.id, questionId: q.id, response }))).toMatchObject({ code });
    expect(await stored(course.id)).toEqual({ answers: 0, mistakes: 0, points: 0 });
  });

  it.each([
    ["SINGLE", ["B"], true, 1],
    ["SINGLE", ["A"], false, 0],
    ["MULTIPLE", ["C", "A"], true, 1],
    ["MULTIPLE", ["A"], false, 0.5],
    ["TRUE_FALSE", [true], true, 1],
    ["FILL_IN", ["二尖瓣 ", "舒张"], true, 1],
    ["FILL_IN", ["心尖"], false, 0],
  ] as const)("scores %s %j: correct %s, fraction %s, stored as a PRACTICE answer", async (type, response, correct, fraction) => {
    const course = await freshCourse();
    const q = await makeQuestion(course.id, type);
    const feedback = await answerPracticeQuestion(actorOf(s.student), { courseId: course.id, questionId: q.id, response: [...response] });
    expect(feedback).toMatchObject({ correct, fraction, streakAwarded: false });
    expect(await db.practiceAnswer.findMany({ where: { courseId: course.id }, select: { userId: true, questionId: true, source: true, correct: true, response: true } })).toEqual([
      { userId: s.student.id, questionId: q.id, source: "PRACTICE", correct, response: [...response] },
    ]);
    const item = await db.mistakeItem.findFirst({ where: { questionId: q.id } });
    if (correct) {
      expect(item).toBeNull();
      expect(feedback.mistake).toBeNull();
    } else {
      expect(item).toMatchObject({ userId: s.student.id, courseId: course.id, box: 1 });
      expect(feedback.mistake).toMatchObject({ box: 1, masteredAt: null });
    }
  });
});

describe("the next question", () => {
  it("prefers unseen questions, then those answered wrong, then the longest unpractised, never the same one twice in a row", async () => {
    const course = await freshCourse();
    const student = actorOf(s.student);
    const ids = [await makeQuestion(course.id), await makeQuestion(course.id), await makeQuestion(course.id)].map((q) => q.id);
    const next = async () => (await nextPracticeQuestion(student, { courseId: course.id, filter: { kind: "all" } })).question!.id;
    const answer = (questionId: string, response: string[], now: Date) => answerPracticeQuestion(student, { courseId: course.id, questionId, response }, now);

    // A reload shows the same question.
    const first = await next();
    expect(await next()).toBe(first);
    await answer(first, ["A"], at("2026-09-01 10:00")); // wrong
    const second = await next();
    expect(second).not.toBe(first);
    await answer(second, ["B"], at("2026-09-01 10:01")); // right
    const third = await next();
    expect([first, second]).not.toContain(third);
    await answer(third, ["B"], at("2026-09-01 10:02")); // right
    // All seen: the wrong one comes first.
    expect(await next()).toBe(first);
    await answer(first, ["B"], at("2026-09-01 10:03")); // right now, but still in the book until due
    // Still in the mistake book: wrong before wins over the longest unpractised.
    expect(await next()).toBe(second);

    const progress = await nextPracticeQuestion(student, { courseId: course.id, filter: { kind: "all" } });
    expect(progress).toMatchObject({ total: 3, seen: 3 });
    expect(ids).toContain(progress.question!.id);
  });

  it("draws from one tag, or from the student's weak tags", async () => {
    const course = await freshCourse();
    const student = actorOf(s.student);
    const heart = await makeQuestion(course.id, "SINGLE", { tags: ["系统:心血管"] });
    const lung = [
      await makeQuestion(course.id, "SINGLE", { tags: ["系统:呼吸"] }),
      await makeQuestion(course.id, "TRUE_FALSE", { tags: ["系统:呼吸"] }),
      await makeQuestion(course.id, "TRUE_FALSE", { tags: ["系统:呼吸", "学科:诊断学"] }),
    ];
    const byTag = await nextPracticeQuestion(student, { courseId: course.id, filter: { kind: "tag", tag: "系统:心血管" } });
    expect(byTag).toMatchObject({ question: { id: heart.id }, total: 1, seen: 0 });

    expect(await nextPracticeQuestion(student, { courseId: course.id, filter: { kind: "weak" } })).toEqual({
      course: { id: course.id, title: course.title },
      question: null,
      total: 0,
      seen: 0,
      weakTags: [],
    });
    // Three answers on 系统:呼吸, two wrong: a weak tag.
    await answerPracticeQuestion(student, { courseId: course.id, questionId: lung[0].id, response: ["A"] });
    await answerPracticeQuestion(student, { courseId: course.id, questionId: lung[1].id, response: [false] });
    await answerPracticeQuestion(student, { courseId: course.id, questionId: lung[2].id, response: [true] });
    const weak = await nextPracticeQuestion(student, { courseId: course.id, filter: { kind: "weak" } });
    expect(weak.weakTags).toEqual(["系统:呼吸"]);
    expect(weak.total).toBe(3);
    expect(lung.map((q) => q.id)).toContain(weak.question!.id);

    const overview = await getPracticeOverview(student, course.id);
    // In pinyin order, as a Chinese reader expects: 系统 (xì) before 学科 (xué).
    expect(overview.tags).toEqual([
      { tag: "系统:呼吸", questions: 3, answers: 3, right: 1 },
      { tag: "系统:心血管", questions: 1, answers: 0, right: 0 },
      { tag: "学科:诊断学", questions: 1, answers: 1, right: 1 },
    ]);
    expect(overview.weakTags).toEqual([{ tag: "系统:呼吸", answers: 3, wrong: 2, errorRate: 2 / 3 }]);
  });
});

describe("practice streak points", () => {
  const awards = (courseId: string) => db.pointsAward.findMany({ where: { userId: s.student.id, courseId }, select: { reason: true, subjectId: true, points: true } });

  it("awards once on the third Shanghai day in a row, again on the fourth, and not after a gap", async () => {
    const course = await freshCourse();
    const student = actorOf(s.student);
    const questions = [await makeQuestion(course.id), await makeQuestion(course.id)];
    const answer = (now: Date, response: unknown = ["A"], q = questions[0]) => answerPracticeQuestion(student, { courseId: course.id, questionId: q.id, response }, now);

    await answer(at("2026-09-01 23:59"));
    await answer(at("2026-09-02 00:00"));
    expect(await awards(course.id)).toEqual([]);
    // An empty answer on day 3 is refused and earns nothing.
    await failureOf(answer(at("2026-09-03 07:00"), []));
    expect(await awards(course.id)).toEqual([]);
    expect(await answer(at("2026-09-03 07:30"))).toMatchObject({ streakAwarded: true });
    expect(await answer(at("2026-09-03 20:00"), ["B"], questions[1])).toMatchObject({ streakAwarded: false });
    expect(await awards(course.id)).toEqual([{ reason: "practice_streak", subjectId: `${course.id}:2026-09-03`, points: 2 }]);

    expect(await answer(at("2026-09-04 12:00"))).toMatchObject({ streakAwarded: true });
    // 9-05 skipped: 9-06 and 9-07 are only two days in a row.
    await answer(at("2026-09-06 12:00"));
    await answer(at("2026-09-07 12:00"));
    expect((await awards(course.id)).map((a) => a.subjectId).sort()).toEqual([`${course.id}:2026-09-03`, `${course.id}:2026-09-04`]);
  });

  it("counts days per course and awards nothing when the course has points switched off", async () => {
    const course = await freshCourse();
    const other = await freshCourse();
    const student = actorOf(s.student);
    const [q, p] = [await makeQuestion(course.id), await makeQuestion(other.id)];
    await answerPracticeQuestion(student, { courseId: course.id, questionId: q.id, response: ["A"] }, at("2026-09-01 10:00"));
    await answerPracticeQuestion(student, { courseId: other.id, questionId: p.id, response: ["A"] }, at("2026-09-02 10:00"));
    await answerPracticeQuestion(student, { courseId: course.id, questionId: q.id, response: ["A"] }, at("2026-09-03 10:00"));
    expect(await awards(course.id)).toEqual([]);

    await db.course.update({ where: { id: other.id }, data: { pointsEnabled: false } });
    for (const day of ["2026-09-03", "2026-09-04"]) {
      expect(await answerPracticeQuestion(student, { courseId: other.id, questionId: p.id, response: ["A"] }, at(`${day} 10:00`))).toMatchObject({ streakAwarded: false });
    }
    expect(await awards(other.id)).toEqual([]);
  });
});
