import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { at, makeQuestion } from "@/lib/practice/test-fixtures";
import { makeSchool } from "@/tests/factories";
import { recordAnswerOutcomes } from "./record-answer-outcomes";

type School = Awaited<ReturnType<typeof makeSchool>>;

let s: School;
beforeAll(async () => {
  s = await makeSchool();
});

const record = (userId: string, outcomes: { questionId: string; correct: boolean }[], now: Date) =>
  db.$transaction((tx) => recordAnswerOutcomes(tx, { userId, courseId: s.course.id, outcomes, now }));

const itemOf = (userId: string, questionId: string) => db.mistakeItem.findUnique({ where: { userId_questionId: { userId, questionId } } });

describe("recordAnswerOutcomes", () => {
  it("files a wrong answer in box 1 due the next Shanghai day, and leaves right answers to new questions out", async () => {
    const [wrong, right] = [await makeQuestion(s.course.id), await makeQuestion(s.course.id)];
    const now = at("2026-09-10 23:50");
    await record(s.student.id, [{ questionId: wrong.id, correct: false }, { questionId: right.id, correct: true }], now);
    expect(await itemOf(s.student.id, wrong.id)).toMatchObject({
      courseId: s.course.id,
      box: 1,
      dueAt: at("2026-09-11 00:00"),
      wrongCount: 1,
      rightStreak: 0,
      lastWrongAt: now,
      lastReviewedAt: null,
      masteredAt: null,
    });
    expect(await itemOf(s.student.id, right.id)).toBeNull();
    expect(await db.mistakeItem.count({ where: { userId: s.student2.id } })).toBe(0);
  });

  it("moves an item up only when it is due, and back to box 1 on a wrong answer", async () => {
    const q = await makeQuestion(s.course.id);
    await record(s.student.id, [{ questionId: q.id, correct: false }], at("2026-09-10 10:00"));
    const before = await itemOf(s.student.id, q.id);

    await record(s.student.id, [{ questionId: q.id, correct: true }], at("2026-09-10 22:00"));
    expect(await itemOf(s.student.id, q.id)).toEqual(before);

    await record(s.student.id, [{ questionId: q.id, correct: true }], at("2026-09-11 08:00"));
    expect(await itemOf(s.student.id, q.id)).toMatchObject({ box: 2, dueAt: at("2026-09-13 00:00"), rightStreak: 1, lastReviewedAt: at("2026-09-11 08:00"), wrongCount: 1 });

    await record(s.student.id, [{ questionId: q.id, correct: false }], at("2026-09-12 08:00"));
    expect(await itemOf(s.student.id, q.id)).toMatchObject({
      box: 1,
      dueAt: at("2026-09-13 00:00"),
      rightStreak: 0,
      wrongCount: 2,
      lastWrongAt: at("2026-09-12 08:00"),
      // Wrong before it was due: not a review.
      lastReviewedAt: at("2026-09-11 08:00"),
    });
  });

  it("masters an item answered right in box 5 and keeps the rest of the row", async () => {
    const q = await makeQuestion(s.course.id);
    const item = await db.mistakeItem.create({
      data: { userId: s.student.id, questionId: q.id, courseId: s.course.id, box: 5, dueAt: at("2026-09-10 00:00"), rightStreak: 4, wrongCount: 3, updatedAt: at("2026-01-01 00:00") },
    });
    await record(s.student.id, [{ questionId: q.id, correct: true }], at("2026-09-10 12:00"));
    const after = await itemOf(s.student.id, q.id);
    expect(after).toMatchObject({ box: 5, rightStreak: 5, wrongCount: 3, masteredAt: at("2026-09-10 12:00"), createdAt: item.createdAt });
    // The row's own bookkeeping is not written back from the old row.
    expect(after!.updatedAt.getTime()).toBeGreaterThan(at("2026-01-01 00:00").getTime());
  });

  it("handles a question listed twice in one call (one item, both outcomes applied in order)", async () => {
    const q = await makeQuestion(s.course.id);
    await record(s.student.id, [{ questionId: q.id, correct: false }, { questionId: q.id, correct: false }], at("2026-09-10 10:00"));
    expect(await db.mistakeItem.findMany({ where: { userId: s.student.id, questionId: q.id } })).toEqual([
      expect.objectContaining({ box: 1, wrongCount: 2 }),
    ]);
  });

  it("keeps the course an item was first filed in", async () => {
    const q = await makeQuestion(s.course.id, "TRUE_FALSE", { shared: true });
    const other = await db.course.create({ data: { code: "X1", title: "另一门课", term: "t", departmentId: s.dept.id } });
    await record(s.student.id, [{ questionId: q.id, correct: false }], at("2026-09-10 10:00"));
    await db.$transaction((tx) =>
      recordAnswerOutcomes(tx, { userId: s.student.id, courseId: other.id, outcomes: [{ questionId: q.id, correct: false }], now: at("2026-09-11 10:00") }),
    );
    expect(await itemOf(s.student.id, q.id)).toMatchObject({ courseId: s.course.id, wrongCount: 2 });
  });

  it("writes nothing when a later step of the caller's transaction fails", async () => {
    const q = await makeQuestion(s.course.id);
    const failing = db.$transaction(async (tx) => {
      await recordAnswerOutcomes(tx, { userId: s.student.id, courseId: s.course.id, outcomes: [{ questionId: q.id, correct: false }], now: new Date() });
      throw new Error("later step failed");
    });
    await expect(failing).rejects.toThrow("later step failed");
    expect(await itemOf(s.student.id, q.id)).toBeNull();
  });
});
