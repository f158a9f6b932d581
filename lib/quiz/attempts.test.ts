import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf, makeSchool } from "@/tests/factories";
import { getAttemptForStudent } from "./get-attempt-for-student";
import { getQuizForStudent } from "./get-quiz-for-student";
import { saveAnswer } from "./save-answer";
import { startAttempt } from "./start-attempt";
import { submitAttempt } from "./submit-attempt";
import { submitOverdueAttempts } from "./submit-overdue-attempts";
import { HOUR, type School, failureOf, makeQuestion, makeQuiz, setQuizWindow } from "./test-fixtures";

let s: School;
beforeAll(async () => {
  s = await makeSchool();
});

const MINUTE = 60_000;

async function oneQuestionQuiz(settings = {}) {
  const q = await makeQuestion(s.course.id, "SINGLE");
  return { q, quiz: await makeQuiz(s, { questions: [{ id: q.id, points: 2 }], settings }) };
}

describe("startAttempt", () => {
  it.each([
    ["student", null],
    ["student2", null],
    ["teacher", "auth.forbidden"],
    ["assistant", "auth.forbidden"],
    ["deptAdmin", "auth.forbidden"],
    ["admin", "auth.forbidden"],
    ["outsider", "not_found"],
    ["otherTeacher", "not_found"],
  ] as const)("%s → %s", async (who, code) => {
    const { quiz } = await oneQuestionQuiz();
    const work = startAttempt(actorOf(s[who]), { quizId: quiz.id });
    if (code === null) {
      const { attemptId } = await work;
      expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({ userId: s[who].id, number: 1, maxScore: 2 });
    } else {
      await expect(work).rejects.toMatchObject({ code });
      expect(await db.quizAttempt.count({ where: { quizId: quiz.id } })).toBe(0);
    }
  });

  it("does not show a draft to students", async () => {
    const q = await makeQuestion(s.course.id, "SINGLE");
    const draft = await makeQuiz(s, { questions: [{ id: q.id }], publish: false });
    await expect(startAttempt(actorOf(s.student), { quizId: draft.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(getQuizForStudent(actorOf(s.student), draft.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("returns the attempt in progress instead of starting another, also when two starts race", async () => {
    const { quiz } = await oneQuestionQuiz({ attemptsAllowed: 3 });
    const [a, b] = await Promise.all([startAttempt(actorOf(s.student), { quizId: quiz.id }), startAttempt(actorOf(s.student), { quizId: quiz.id })]);
    expect(a.attemptId).toBe(b.attemptId);
    const again = await startAttempt(actorOf(s.student), { quizId: quiz.id });
    expect(again).toEqual({ attemptId: a.attemptId, quizId: quiz.id, resumed: true });
    expect(await db.quizAttempt.count({ where: { quizId: quiz.id } })).toBe(1);
  });

  it("keeps to the window and the number of attempts", async () => {
    const { quiz } = await oneQuestionQuiz({ attemptsAllowed: 2 });
    const now = Date.now();
    await setQuizWindow(quiz.id, { opensAt: new Date(now + HOUR), closesAt: new Date(now + 2 * HOUR) });
    expect(await failureOf(startAttempt(actorOf(s.student), { quizId: quiz.id }))).toMatchObject({ code: "quiz.not_open" });
    await setQuizWindow(quiz.id, { opensAt: new Date(now - 2 * HOUR), closesAt: new Date(now - HOUR) });
    expect(await failureOf(startAttempt(actorOf(s.student), { quizId: quiz.id }))).toMatchObject({ code: "quiz.closed" });
    await setQuizWindow(quiz.id, { opensAt: null, closesAt: null });
    for (let i = 0; i < 2; i++) {
      const { attemptId } = await startAttempt(actorOf(s.student), { quizId: quiz.id });
      await submitAttempt(actorOf(s.student), { attemptId });
    }
    expect(await failureOf(startAttempt(actorOf(s.student), { quizId: quiz.id }))).toMatchObject({ code: "quiz.no_attempts_left" });
    const info = await getQuizForStudent(actorOf(s.student), quiz.id);
    expect(info).toMatchObject({ attemptsLeft: 0, canStart: false, inProgressAttemptId: null });
    expect(info.attempts.map((a) => a.number)).toEqual([1, 2]);
  });

  it("sets the deadline to the earlier of the time limit and the close", async () => {
    const { quiz } = await oneQuestionQuiz({ timeLimitMinutes: 30 });
    const now = new Date();
    await setQuizWindow(quiz.id, { closesAt: new Date(now.getTime() + 10 * MINUTE) });
    const first = await startAttempt(actorOf(s.student), { quizId: quiz.id }, now);
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: first.attemptId } })).toMatchObject({ deadlineAt: new Date(now.getTime() + 10 * MINUTE) });
    await setQuizWindow(quiz.id, { closesAt: new Date(now.getTime() + 5 * HOUR) });
    const second = await startAttempt(actorOf(s.student2), { quizId: quiz.id }, now);
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: second.attemptId } })).toMatchObject({ deadlineAt: new Date(now.getTime() + 30 * MINUTE) });
  });

  it("draws the right number of questions per draw from the right pool, never a fixed one", async () => {
    const fixed = await makeQuestion(s.course.id, "SINGLE", { tags: ["系统:呼吸"] });
    const resp = await Promise.all([1, 2, 3, 4, 5].map(() => makeQuestion(s.course.id, "TRUE_FALSE", { tags: ["系统:呼吸"] })));
    const hard = await Promise.all([1, 2, 3].map(() => makeQuestion(s.course.id, "SINGLE", { difficulty: 5, tags: ["系统:消化"] })));
    const quiz = await makeQuiz(s, {
      questions: [{ id: fixed.id, points: 3 }],
      draws: [
        { tag: "系统:呼吸", count: 2, points: 1 },
        { difficulty: 5, tag: "系统:消化", count: 2, points: 2 },
      ],
    });
    const seen = new Set<string>();
    for (const who of ["student", "student2"] as const) {
      const { attemptId } = await startAttempt(actorOf(s[who]), { quizId: quiz.id });
      const items = await db.attemptQuestion.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
      expect(items).toHaveLength(5);
      expect(items[0]).toMatchObject({ questionId: fixed.id, points: 3 });
      const fromResp = items.filter((i) => resp.some((q) => q.id === i.questionId));
      const fromHard = items.filter((i) => hard.some((q) => q.id === i.questionId));
      expect(fromResp.map((i) => i.points)).toEqual([1, 1]);
      expect(fromHard.map((i) => i.points)).toEqual([2, 2]);
      expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({ maxScore: 9 });
      items.forEach((i) => seen.add(i.questionId));
    }
    expect(seen.size).toBeGreaterThanOrEqual(5);
  });

  it("shuffles the options per attempt when asked, as a permutation of the keys", async () => {
    const q = await makeQuestion(s.course.id, "MULTIPLE");
    const quiz = await makeQuiz(s, { questions: [{ id: q.id }], settings: { shuffleOptions: true } });
    const { attemptId } = await startAttempt(actorOf(s.student), { quizId: quiz.id });
    const item = await db.attemptQuestion.findFirstOrThrow({ where: { attemptId } });
    expect([...(item.optionOrder as string[])].sort()).toEqual(["A", "B", "C", "D"]);
  });

  it("shows a case's vignette above its first question only", async () => {
    const caseRow = await db.questionCase.create({ data: { courseId: s.course.id, vignette: "患者男，58岁，活动后胸闷气促2月。" } });
    const c1 = await makeQuestion(s.course.id, "SINGLE", { caseId: caseRow.id, casePosition: 1 });
    const c2 = await makeQuestion(s.course.id, "TRUE_FALSE", { caseId: caseRow.id, casePosition: 2 });
    const quiz = await makeQuiz(s, { questions: [{ id: c2.id }, { id: c1.id }] });
    const { attemptId } = await startAttempt(actorOf(s.student), { quizId: quiz.id });
    const paper = await getAttemptForStudent(actorOf(s.student), attemptId);
    expect(paper.state === "in_progress" && paper.questions.map((q) => [q.questionId, q.vignette])).toEqual([
      [c1.id, "患者男，58岁，活动后胸闷气促2月。"],
      [c2.id, null],
    ]);
  });
});

describe("saveAnswer", () => {
  it("saves at once, and a later read (a reload, a restarted server) gets every answer back", async () => {
    const single = await makeQuestion(s.course.id, "SINGLE");
    const fill = await makeQuestion(s.course.id, "FILL_IN");
    const short = await makeQuestion(s.course.id, "SHORT_ANSWER");
    const quiz = await makeQuiz(s, { questions: [{ id: single.id }, { id: fill.id }, { id: short.id }] });
    const { attemptId } = await startAttempt(actorOf(s.student), { quizId: quiz.id });
    await saveAnswer(actorOf(s.student), { attemptId, questionId: single.id, response: ["B"] });
    await saveAnswer(actorOf(s.student), { attemptId, questionId: single.id, response: ["A"] });
    await saveAnswer(actorOf(s.student), { attemptId, questionId: fill.id, response: ["心尖"] });
    await saveAnswer(actorOf(s.student), { attemptId, questionId: short.id, response: ["先听二尖瓣区"] });
    // Nothing is kept in memory between requests: a fresh read is what a restarted server would show.
    const paper = await getAttemptForStudent(actorOf(s.student), attemptId);
    expect(paper.state === "in_progress" && paper.questions.map((q) => [q.questionId, q.response, q.saved])).toEqual([
      [single.id, ["A"], true],
      [fill.id, ["心尖"], true],
      [short.id, ["先听二尖瓣区"], true],
    ]);
    expect(paper.state === "in_progress" && paper.questions[1].blanks).toBe(1);
    expect(await startAttempt(actorOf(s.student), { quizId: quiz.id })).toMatchObject({ attemptId, resumed: true });
  });

  it("refuses answers that do not fit the question, and other students' attempts", async () => {
    const single = await makeQuestion(s.course.id, "SINGLE", {
      options: [
        { key: "A", text: "甲" },
        { key: "B", text: "乙" },
      ],
      answer: ["A"],
    });
    const fill = await makeQuestion(s.course.id, "FILL_IN");
    const quiz = await makeQuiz(s, { questions: [{ id: single.id }, { id: fill.id }] });
    const { attemptId } = await startAttempt(actorOf(s.student), { quizId: quiz.id });
    for (const [questionId, response] of [
      [single.id, ["E"]],
      [single.id, ["A", "B"]],
      [single.id, "A"],
      [fill.id, ["心尖", "多余的空"]],
      [fill.id, [true]],
    ] as const) {
      expect(await failureOf(saveAnswer(actorOf(s.student), { attemptId, questionId, response }))).toMatchObject({ code: "quiz.invalid_response" });
    }
    expect(await failureOf(saveAnswer(actorOf(s.student2), { attemptId, questionId: single.id, response: ["A"] }))).toMatchObject({ code: "not_found" });
    expect(await failureOf(saveAnswer(actorOf(s.teacher), { attemptId, questionId: single.id, response: ["A"] }))).toMatchObject({ code: "not_found" });
    expect(await db.attemptQuestion.count({ where: { attemptId, savedAt: { not: null } } })).toBe(0);
  });

  it("is refused after the submit and after the deadline (which submits the attempt)", async () => {
    const { q, quiz } = await oneQuestionQuiz({ timeLimitMinutes: 10 });
    const start = new Date();
    const a = await startAttempt(actorOf(s.student), { quizId: quiz.id }, start);
    await submitAttempt(actorOf(s.student), { attemptId: a.attemptId }, start);
    expect(await failureOf(saveAnswer(actorOf(s.student), { attemptId: a.attemptId, questionId: q.id, response: ["A"] }))).toMatchObject({
      code: "quiz.attempt_submitted",
    });
    const b = await startAttempt(actorOf(s.student2), { quizId: quiz.id }, start);
    await saveAnswer(actorOf(s.student2), { attemptId: b.attemptId, questionId: q.id, response: ["A"] }, new Date(start.getTime() + 9 * MINUTE));
    const late = new Date(start.getTime() + 10 * MINUTE + 1);
    expect(await failureOf(saveAnswer(actorOf(s.student2), { attemptId: b.attemptId, questionId: q.id, response: ["B"] }, late))).toMatchObject({
      code: "quiz.time_up",
    });
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: b.attemptId } })).toMatchObject({
      status: "SUBMITTED",
      autoSubmitted: true,
      submittedAt: new Date(start.getTime() + 10 * MINUTE),
      score: 2,
    });
  });
});

describe("submitting", () => {
  it("auto-submits every attempt past its deadline, as of the server's time, with what was saved", async () => {
    const { q, quiz } = await oneQuestionQuiz({ timeLimitMinutes: 20 });
    const start = new Date();
    const a = await startAttempt(actorOf(s.student), { quizId: quiz.id }, start);
    const b = await startAttempt(actorOf(s.student2), { quizId: quiz.id }, new Date(start.getTime() + 5 * MINUTE));
    await saveAnswer(actorOf(s.student), { attemptId: a.attemptId, questionId: q.id, response: ["A"] }, start);
    expect(await submitOverdueAttempts(new Date(start.getTime() + 20 * MINUTE - 1), { quizId: quiz.id })).toBe(0);
    expect(await submitOverdueAttempts(new Date(start.getTime() + 21 * MINUTE), { quizId: quiz.id })).toBe(1);
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: a.attemptId } })).toMatchObject({
      status: "SUBMITTED",
      autoSubmitted: true,
      submittedAt: new Date(start.getTime() + 20 * MINUTE),
      score: 2,
    });
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: b.attemptId } })).toMatchObject({ status: "IN_PROGRESS" });
    // Reading the attempt applies the same rule.
    const read = await getAttemptForStudent(actorOf(s.student2), b.attemptId, new Date(start.getTime() + 26 * MINUTE));
    expect(read).toEqual({ state: "submitted", quizId: quiz.id, attemptId: b.attemptId });
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: b.attemptId } })).toMatchObject({ autoSubmitted: true, score: 0 });
  });

  it("is idempotent: two submits at the same moment grade once and return the same result", async () => {
    const { q, quiz } = await oneQuestionQuiz();
    await db.course.update({ where: { id: s.course.id }, data: { pointsEnabled: true } });
    const { attemptId } = await startAttempt(actorOf(s.student), { quizId: quiz.id });
    await saveAnswer(actorOf(s.student), { attemptId, questionId: q.id, response: ["C"] });
    const results = await Promise.all([1, 2, 3].map(() => submitAttempt(actorOf(s.student), { attemptId })));
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(results[0]).toMatchObject({ attemptId, score: 0, maxScore: 2, needsMarking: false, autoSubmitted: false });
    expect(await submitAttempt(actorOf(s.student), { attemptId })).toEqual(results[0]);
    expect(await db.mistakeItem.findUniqueOrThrow({ where: { userId_questionId: { userId: s.student.id, questionId: q.id } } })).toMatchObject({ wrongCount: 1 });
    expect(await db.pointsAward.count({ where: { userId: s.student.id, reason: "quiz_attempt", subjectId: quiz.id } })).toBe(1);
  });

  it("grades every type, leaves answered short answers for marking and files objective answers in the mistake book", async () => {
    const single = await makeQuestion(s.course.id, "SINGLE");
    const multiple = await makeQuestion(s.course.id, "MULTIPLE");
    const tf = await makeQuestion(s.course.id, "TRUE_FALSE");
    const fill = await makeQuestion(s.course.id, "FILL_IN");
    const short = await makeQuestion(s.course.id, "SHORT_ANSWER");
    const skipped = await makeQuestion(s.course.id, "SHORT_ANSWER");
    const quiz = await makeQuiz(s, {
      questions: [{ id: single.id }, { id: multiple.id, points: 4 }, { id: tf.id }, { id: fill.id }, { id: short.id, points: 5 }, { id: skipped.id }],
    });
    const { attemptId } = await startAttempt(actorOf(s.student2), { quizId: quiz.id });
    const save = (questionId: string, response: unknown) => saveAnswer(actorOf(s.student2), { attemptId, questionId, response });
    await save(single.id, ["A"]);
    await save(multiple.id, ["A", "B"]); // 漏选: half of 4
    await save(tf.id, [false]);
    await save(fill.id, [" 心尖部 "]);
    await save(short.id, ["先听二尖瓣区，再按逆时针顺序。"]);
    const result = await submitAttempt(actorOf(s.student2), { attemptId });
    expect(result).toMatchObject({ score: null, maxScore: 13, needsMarking: true });
    const items = await db.attemptQuestion.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
    expect(items.map((i) => [i.score, i.correct])).toEqual([
      [1, true],
      [2, false],
      [0, false],
      [1, true],
      [null, null],
      [0, false],
    ]);
    const mistakes = await db.mistakeItem.findMany({ where: { userId: s.student2.id, questionId: { in: [single.id, multiple.id, tf.id, fill.id, short.id] } } });
    expect(mistakes.map((m) => m.questionId).sort()).toEqual([multiple.id, tf.id].sort());
  });

  it("stores confidence-based scores, floors the attempt at 0, and awards no points for an empty attempt", async () => {
    const a = await makeQuestion(s.course.id, "SINGLE");
    const b = await makeQuestion(s.course.id, "TRUE_FALSE");
    const c = await makeQuestion(s.course.id, "SHORT_ANSWER");
    const quiz = await makeQuiz(s, { questions: [{ id: a.id, points: 3 }, { id: b.id, points: 3 }, { id: c.id }], settings: { confidenceMarking: true } });
    const { attemptId } = await startAttempt(actorOf(s.student), { quizId: quiz.id });
    await saveAnswer(actorOf(s.student), { attemptId, questionId: a.id, response: ["A"], confidence: 2 }); // right, fairly sure: 3 × 2/3
    await saveAnswer(actorOf(s.student), { attemptId, questionId: b.id, response: [false], confidence: 3 }); // wrong, sure: 3 × −6/3
    await saveAnswer(actorOf(s.student), { attemptId, questionId: c.id, response: [""], confidence: 3 });
    const saved = await db.attemptQuestion.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
    expect(saved.map((i) => i.confidence)).toEqual([2, 3, null]);
    expect(await submitAttempt(actorOf(s.student), { attemptId })).toMatchObject({ score: 0, maxScore: 7, needsMarking: false });
    const items = await db.attemptQuestion.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
    expect(items.map((i) => i.score)).toEqual([2, -6, 0]);

    await db.course.update({ where: { id: s.course.id }, data: { pointsEnabled: true } });
    const empty = await makeQuiz(s, { questions: [{ id: a.id }] });
    const attempt = await startAttempt(actorOf(s.student2), { quizId: empty.id });
    await submitAttempt(actorOf(s.student2), { attemptId: attempt.attemptId });
    expect(await db.pointsAward.count({ where: { userId: s.student2.id, subjectId: empty.id } })).toBe(0);
  });
});
