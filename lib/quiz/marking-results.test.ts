import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf, makeSchool } from "@/tests/factories";
import { getQuizResults } from "./get-quiz-results";
import { listQuizzes } from "./list-quizzes";
import { getMarkingQueue, markAnswer } from "./marking";
import { saveAnswer } from "./save-answer";
import { startAttempt } from "./start-attempt";
import { submitAttempt } from "./submit-attempt";
import { type School, failureOf, makeQuestion, makeQuiz } from "./test-fixtures";

let s: School;
beforeAll(async () => {
  s = await makeSchool();
});

/** The audit rows of marks given to one answer, oldest first. */
const marksOf = (attemptQuestionId: string) =>
  db.auditLog.findMany({
    where: { target: attemptQuestionId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { action: true, actorId: true, courseId: true, departmentId: true, detail: true },
  });

/** One choice question (2 points) and one short answer (5 points), submitted by the student. */
async function submittedWithShortAnswer() {
  const choice = await makeQuestion(s.course.id, "SINGLE");
  const short = await makeQuestion(s.course.id, "SHORT_ANSWER");
  const quiz = await makeQuiz(s, { questions: [{ id: choice.id, points: 2 }, { id: short.id, points: 5 }] });
  const { attemptId } = await startAttempt(actorOf(s.student), { quizId: quiz.id });
  await saveAnswer(actorOf(s.student), { attemptId, questionId: choice.id, response: ["A"] });
  await saveAnswer(actorOf(s.student), { attemptId, questionId: short.id, response: ["二尖瓣区→肺动脉瓣区→主动脉瓣区"] });
  await submitAttempt(actorOf(s.student), { attemptId });
  const item = await db.attemptQuestion.findFirstOrThrow({ where: { attemptId, questionId: short.id } });
  return { quiz, attemptId, item };
}

describe("marking", () => {
  it.each([
    ["teacher", null],
    ["assistant", null],
    ["admin", null],
    ["deptAdmin", "auth.forbidden"],
    ["student", "auth.forbidden"],
    ["outsider", "not_found"],
    ["otherTeacher", "not_found"],
  ] as const)("%s → %s", async (who, code) => {
    const { quiz, item, attemptId } = await submittedWithShortAnswer();
    if (code === null) {
      const queue = await getMarkingQueue(actorOf(s[who]), quiz.id);
      expect(queue.items).toMatchObject([
        { attemptQuestionId: item.id, points: 5, answer: "二尖瓣区→肺动脉瓣区→主动脉瓣区", referenceAnswer: expect.stringContaining("KEY-REFERENCE"), student: { no: s.student.no } },
      ]);
      await markAnswer(actorOf(s[who]), { attemptQuestionId: item.id, score: 4, feedback: "漏了三尖瓣区" });
      expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({ score: 6, needsMarking: false });
      // Audited with the marker, the item and attempt scores before and after; not the student's answer or the comment.
      expect(await marksOf(item.id)).toEqual([
        {
          action: "quiz.mark_answer",
          actorId: s[who].id,
          courseId: s.course.id,
          departmentId: s.dept.id,
          detail: { quizId: quiz.id, attemptId, questionId: item.questionId, studentId: s.student.id, from: { score: null, attemptScore: null }, to: { score: 4, attemptScore: 6 } },
        },
      ]);
      expect((await getMarkingQueue(actorOf(s[who]), quiz.id)).items).toEqual([]);
    } else {
      await expect(getMarkingQueue(actorOf(s[who]), quiz.id)).rejects.toMatchObject({ code });
      await expect(markAnswer(actorOf(s[who]), { attemptQuestionId: item.id, score: 4 })).rejects.toMatchObject({ code });
      expect(await db.attemptQuestion.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ score: null, markedAt: null });
      expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({ score: null, needsMarking: true });
      expect(await marksOf(item.id)).toEqual([]);
    }
  });

  it("keeps the score within the question's points and lets a marker correct it", async () => {
    const { item, attemptId } = await submittedWithShortAnswer();
    expect(await failureOf(markAnswer(actorOf(s.teacher), { attemptQuestionId: item.id, score: 5.5 }))).toMatchObject({ code: "quiz.score_out_of_range" });
    expect(await failureOf(markAnswer(actorOf(s.teacher), { attemptQuestionId: item.id, score: -1 }))).toMatchObject({ code: "validation" });
    await markAnswer(actorOf(s.teacher), { attemptQuestionId: item.id, score: 5 });
    expect(await db.attemptQuestion.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ score: 5, correct: true, markedById: s.teacher.id });
    await markAnswer(actorOf(s.assistant), { attemptQuestionId: item.id, score: 2.5, feedback: "顺序不完整" });
    expect(await db.attemptQuestion.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ score: 2.5, correct: false, feedback: "顺序不完整" });
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({ score: 4.5 });
    const marks = await marksOf(item.id);
    expect(marks.map((row) => [row.actorId, row.detail])).toEqual([
      [s.teacher.id, expect.objectContaining({ from: { score: null, attemptScore: null }, to: { score: 5, attemptScore: 7 } })],
      [s.assistant.id, expect.objectContaining({ from: { score: 5, attemptScore: 7 }, to: { score: 2.5, attemptScore: 4.5 } })],
    ]);
  });

  it("marks only submitted short answers", async () => {
    const { attemptId } = await submittedWithShortAnswer();
    const choice = await db.attemptQuestion.findFirstOrThrow({ where: { attemptId, question: { type: "SINGLE" } } });
    expect(await failureOf(markAnswer(actorOf(s.teacher), { attemptQuestionId: choice.id, score: 1 }))).toMatchObject({ code: "quiz.not_markable" });
    expect(await marksOf(choice.id)).toEqual([]);
  });
});

describe("results", () => {
  it.each([
    ["teacher", null],
    ["assistant", null],
    ["deptAdmin", null],
    ["admin", null],
    ["student", "auth.forbidden"],
    ["otherDeptAdmin", "not_found"],
    ["outsider", "not_found"],
  ] as const)("%s → %s", async (who, code) => {
    const q = await makeQuestion(s.course.id, "SINGLE");
    const quiz = await makeQuiz(s, { questions: [{ id: q.id }] });
    if (code === null) {
      expect((await getQuizResults(actorOf(s[who]), quiz.id)).quiz.id).toBe(quiz.id);
      expect((await listQuizzes(actorOf(s[who]), s.course.id)).quizzes.some((row) => row.id === quiz.id)).toBe(true);
    } else {
      await expect(getQuizResults(actorOf(s[who]), quiz.id)).rejects.toMatchObject({ code });
      await expect(listQuizzes(actorOf(s[who]), s.course.id)).rejects.toMatchObject({ code });
    }
  });

  it("scores students by the quiz's rule, lists who has not attempted, and analyses the items", async () => {
    const q1 = await makeQuestion(s.course.id, "SINGLE");
    const q2 = await makeQuestion(s.course.id, "TRUE_FALSE");
    const quiz = await makeQuiz(s, { questions: [{ id: q1.id }, { id: q2.id }], settings: { attemptsAllowed: 2, scoring: "HIGHEST", passPercent: 60 } });
    const take = async (who: "student" | "student2", answers: [unknown, unknown]) => {
      const { attemptId } = await startAttempt(actorOf(s[who]), { quizId: quiz.id });
      await saveAnswer(actorOf(s[who]), { attemptId, questionId: q1.id, response: answers[0] });
      await saveAnswer(actorOf(s[who]), { attemptId, questionId: q2.id, response: answers[1] });
      await submitAttempt(actorOf(s[who]), { attemptId });
    };
    await take("student", [["B"], [true]]); // 1 of 2
    await take("student", [["A"], [true]]); // 2 of 2
    const late = (await db.user.create({ data: { no: `s-late-${Date.now()}`, name: "迟到", role: "STUDENT", passwordHash: "-" } })).id;
    await db.courseMember.create({ data: { courseId: s.course.id, userId: late, role: "STUDENT" } });

    const results = await getQuizResults(actorOf(s.teacher), quiz.id);
    const mine = results.students.find((row) => row.userId === s.student.id)!;
    expect(mine.result).toMatchObject({ score: 2, percent: 100, counted: [2] });
    expect(mine.attempts.map((a) => a.score)).toEqual([1, 2]);
    expect(results.notAttempted.map((row) => row.userId).sort()).toEqual([s.student2.id, late].sort());
    expect(results.summary).toEqual({ count: 1, mean: 100, median: 100, passRate: 1 });
    expect(results.distribution[9].count).toBe(1);
    // Item analysis uses each student's first attempt: q1 was answered B (wrong) there.
    expect(results.analysedAttempts).toBe(1);
    const item = results.questions.find((row) => row.questionId === q1.id)!;
    expect(item).toMatchObject({ n: 1, difficulty: 0, discrimination: null });
    expect(item.options).toEqual([
      { key: "A", text: "二尖瓣狭窄", count: 0, correct: true },
      { key: "B", text: "二尖瓣关闭不全", count: 1, correct: false },
      { key: "C", text: "主动脉瓣狭窄", count: 0, correct: false },
      { key: "D", text: "主动脉瓣关闭不全", count: 0, correct: false },
    ]);

    const list = await listQuizzes(actorOf(s.teacher), s.course.id);
    expect(list.quizzes.find((row) => row.id === quiz.id)).toMatchObject({ attemptCount: 2, studentsAttempted: 1, questionCount: 2, toMark: 0 });
  });
});
