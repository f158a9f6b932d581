import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf, makeSchool } from "@/tests/factories";
import { getAttemptForStudent } from "./get-attempt-for-student";
import { getAttemptReview } from "./get-attempt-review";
import { getQuizForStudent } from "./get-quiz-for-student";
import { listQuizzesForStudent } from "./list-quizzes-for-student";
import { saveAnswer } from "./save-answer";
import { startAttempt } from "./start-attempt";
import { submitAttempt } from "./submit-attempt";
import { ANSWER_MARKERS, HOUR, type School, makeQuestion, makeQuiz } from "./test-fixtures";

let s: School;
beforeAll(async () => {
  s = await makeSchool();
});

/** Fails naming the marker when a payload, as it would be serialized to the browser, carries any part of a key. */
function expectNoAnswers(label: string, payload: unknown) {
  const json = JSON.stringify(payload);
  for (const marker of ANSWER_MARKERS) expect(json.includes(marker), `${label} contains ${marker}`).toBe(false);
}

/** A quiz with one question of every type and a case vignette, answered and submitted by the student. */
async function takenQuiz(review: "IMMEDIATELY" | "AFTER_CLOSE" | "NEVER", closesAt: Date) {
  const caseRow = await db.questionCase.create({ data: { courseId: s.course.id, vignette: "患者女，32岁，心悸。" } });
  const questions = await Promise.all([
    makeQuestion(s.course.id, "SINGLE", { caseId: caseRow.id, casePosition: 1 }),
    makeQuestion(s.course.id, "MULTIPLE"),
    makeQuestion(s.course.id, "TRUE_FALSE"),
    makeQuestion(s.course.id, "FILL_IN"),
    makeQuestion(s.course.id, "SHORT_ANSWER"),
  ]);
  const quiz = await makeQuiz(s, {
    questions: questions.map((q) => ({ id: q.id })),
    settings: { review, closesAt: "2099-01-01T00:00", shuffleOptions: true },
  });
  await db.quiz.update({ where: { id: quiz.id }, data: { closesAt } });
  const student = actorOf(s.student);
  const payloads: [string, unknown][] = [];
  const started = await startAttempt(student, { quizId: quiz.id });
  payloads.push(["startAttempt", started]);
  const { attemptId } = started;
  payloads.push(["getQuizForStudent (in progress)", await getQuizForStudent(student, quiz.id)]);
  payloads.push(["getAttemptForStudent", await getAttemptForStudent(student, attemptId)]);
  payloads.push(["getAttemptReview (in progress)", await getAttemptReview(student, attemptId)]);
  const responses = [["B"], ["A", "C"], [false], ["主动脉瓣区"], ["按顺序听诊"]];
  for (const [i, q] of questions.entries()) {
    payloads.push([`saveAnswer ${q.type}`, await saveAnswer(student, { attemptId, questionId: q.id, response: responses[i] })]);
  }
  payloads.push(["submitAttempt", await submitAttempt(student, { attemptId })]);
  payloads.push(["submitAttempt again", await submitAttempt(student, { attemptId })]);
  payloads.push(["getQuizForStudent (submitted)", await getQuizForStudent(student, quiz.id)]);
  payloads.push(["listQuizzesForStudent", await listQuizzesForStudent(student, s.course.id)]);
  payloads.push(["getAttemptForStudent (submitted)", await getAttemptForStudent(student, attemptId)]);
  return { quiz, attemptId, payloads };
}

describe("no correct answers before review time", () => {
  it.each(["IMMEDIATELY", "AFTER_CLOSE", "NEVER"] as const)("%s: nothing a student is sent while taking the quiz holds a key", async (review) => {
    const { payloads } = await takenQuiz(review, new Date(Date.now() + HOUR));
    for (const [label, payload] of payloads) {
      // IMMEDIATELY opens the review once submitted; only the review query may then carry keys, checked below.
      expectNoAnswers(label, payload);
    }
  });

  it("AFTER_CLOSE: the review is closed until the quiz closes, then shows answers and explanations", async () => {
    const closesAt = new Date(Date.now() + HOUR);
    const { attemptId } = await takenQuiz("AFTER_CLOSE", closesAt);
    const before = await getAttemptReview(actorOf(s.student), attemptId, new Date(closesAt.getTime() - 1));
    expect(before).toMatchObject({ state: "not_available", attempt: { score: null, needsMarking: true } });
    expectNoAnswers("review before the close", before);
    const info = await getQuizForStudent(actorOf(s.student), (before as { quiz: { id: string } }).quiz.id, new Date(closesAt.getTime() - 1));
    expect(info.attempts[0].reviewable).toBe(false);

    const after = await getAttemptReview(actorOf(s.student), attemptId, closesAt);
    expect(after.state).toBe("review");
    const json = JSON.stringify(after);
    expect(json).toContain("KEY-EXPLANATION");
    expect(json).toContain("KEY-REFERENCE");
    if (after.state !== "review") return;
    expect(after.questions[0]).toMatchObject({ vignette: "患者女，32岁，心悸。", response: ["B"], correctOptions: ["A"], correct: false, score: 0 });
  });

  it("IMMEDIATELY: the review opens once submitted", async () => {
    const { attemptId } = await takenQuiz("IMMEDIATELY", new Date(Date.now() + HOUR));
    const review = await getAttemptReview(actorOf(s.student), attemptId);
    expect(review.state).toBe("review");
    expect(JSON.stringify(review)).toContain("KEY-EXPLANATION");
  });

  it("NEVER: only the score, also long after the close", async () => {
    const closesAt = new Date(Date.now() + HOUR);
    const { attemptId, quiz } = await takenQuiz("NEVER", closesAt);
    const later = new Date(closesAt.getTime() + 100 * 24 * HOUR);
    for (const payload of [
      await getAttemptReview(actorOf(s.student), attemptId, later),
      await getQuizForStudent(actorOf(s.student), quiz.id, later),
      await listQuizzesForStudent(actorOf(s.student), s.course.id, later),
    ]) {
      expectNoAnswers("NEVER after the close", payload);
    }
  });

  it("nobody else's attempt can be reviewed", async () => {
    const { attemptId } = await takenQuiz("IMMEDIATELY", new Date(Date.now() + HOUR));
    for (const who of ["student2", "teacher", "outsider"] as const) {
      await expect(getAttemptReview(actorOf(s[who]), attemptId)).rejects.toMatchObject({ code: "not_found" });
    }
  });
});
