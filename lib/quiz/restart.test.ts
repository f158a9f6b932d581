import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { closeDb, db, initDb } from "@/lib/db";
import { actorOf, makeSchool } from "@/tests/factories";
import { getAttemptForStudent } from "./get-attempt-for-student";
import { saveAnswer } from "./save-answer";
import { startAttempt } from "./start-attempt";
import { submitAttempt } from "./submit-attempt";
import { makeQuestion, makeQuiz } from "./test-fixtures";

/*
 * A server restart in the middle of an attempt, on the embedded database as `npm start` runs it: a PGlite directory
 * on disk. This file leaves the shared in-memory test database for its own directory, closes the client as a stopping
 * server does and opens a new one on the same directory. PostgreSQL keeps no state in the app process, so the
 * postgres project skips it.
 */
describe.skipIf(process.env.TEST_DB_BACKEND === "postgres")("a quiz attempt across a server restart", () => {
  let root: string;
  let dataDir: string;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "medblend-restart-"));
    dataDir = path.join(root, "pglite");
    await closeDb();
    // The migrated snapshot every test file starts from, unpacked into the directory (migrating afresh takes long).
    const seed = new PGlite(dataDir, { loadDataDir: new Blob([fs.readFileSync(inject("pgliteSnapshot"))]) });
    await seed.close();
    initDb({ url: dataDir });
  });
  afterAll(async () => {
    await closeDb();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("keeps the saved answers and the deadline, and the submit after the restart grades them once", async () => {
    const s = await makeSchool();
    await db.course.update({ where: { id: s.course.id }, data: { pointsEnabled: true } });
    const single = await makeQuestion(s.course.id, "SINGLE");
    const fill = await makeQuestion(s.course.id, "FILL_IN");
    const tf = await makeQuestion(s.course.id, "TRUE_FALSE");
    const quiz = await makeQuiz(s, {
      questions: [{ id: single.id, points: 2 }, { id: fill.id, points: 3 }, { id: tf.id, points: 5 }],
      settings: { timeLimitMinutes: 30 },
    });
    const student = actorOf(s.student);
    const { attemptId } = await startAttempt(student, { quizId: quiz.id });
    await saveAnswer(student, { attemptId, questionId: single.id, response: ["A"] });
    await saveAnswer(student, { attemptId, questionId: fill.id, response: ["心尖"] });
    const before = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(before.deadlineAt).not.toBeNull();
    const firstDatabase = initDb().pglite;

    // The server stops and starts again.
    await closeDb();
    const reopened = initDb({ url: dataDir });
    expect(reopened.pglite).not.toBe(firstDatabase);

    const paper = await getAttemptForStudent(student, attemptId);
    expect(paper.state).toBe("in_progress");
    expect(paper.state === "in_progress" && paper.questions.map((q) => [q.questionId, q.response, q.saved])).toEqual([
      [single.id, ["A"], true],
      [fill.id, ["心尖"], true],
      [tf.id, null, false],
    ]);
    const after = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(after).toMatchObject({ status: "IN_PROGRESS", deadlineAt: before.deadlineAt, startedAt: before.startedAt });
    expect(await startAttempt(student, { quizId: quiz.id })).toEqual({ attemptId, quizId: quiz.id, resumed: true });

    // Carry on: one more (wrong) answer, then submit — twice at once and once more.
    await saveAnswer(student, { attemptId, questionId: tf.id, response: [false] });
    const results = await Promise.all([submitAttempt(student, { attemptId }), submitAttempt(student, { attemptId })]);
    expect(results[0]).toEqual(results[1]);
    expect(results[0]).toMatchObject({ attemptId, score: 5, maxScore: 10, needsMarking: false, autoSubmitted: false });
    expect(await submitAttempt(student, { attemptId })).toEqual(results[0]);
    expect(await db.quizAttempt.count({ where: { quizId: quiz.id } })).toBe(1);
    expect(await db.pointsAward.count({ where: { userId: s.student.id, reason: "quiz_attempt", subjectId: quiz.id } })).toBe(1);
    expect(await db.mistakeItem.findMany({ where: { userId: s.student.id }, select: { questionId: true, wrongCount: true } })).toEqual([
      { questionId: tf.id, wrongCount: 1 },
    ]);
  });
});
