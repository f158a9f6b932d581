import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { answerPracticeQuestion } from "@/lib/practice/answer-practice-question";
import { at, failureOf, makeQuestion } from "@/lib/practice/test-fixtures";
import { actorOf, makeCourse, makeDepartment, makeSchool, makeUser } from "@/tests/factories";
import { answerReviewItem } from "./answer-review-item";
import { listMistakes } from "./list-mistakes";
import { mistakeSummaryFor } from "./mistake-summary";
import { nextReviewItem } from "./next-review-item";
import { weakTagsFor } from "./weak-tags";

type School = Awaited<ReturnType<typeof makeSchool>>;
type Who = Exclude<keyof School, "dept" | "otherDept" | "course">;

let s: School;
beforeAll(async () => {
  s = await makeSchool();
});

/** A student of their own with one course, so that counts start at zero. */
async function learner() {
  const dept = await makeDepartment();
  const user = await makeUser("STUDENT");
  const course = await makeCourse(dept.id, [{ userId: user.id, role: "STUDENT" }]);
  return { user, actor: actorOf(user), course };
}

/** Puts a question straight into a student's book. */
const file = (userId: string, courseId: string, questionId: string, dueAt: Date, extra: { box?: number; masteredAt?: Date } = {}) =>
  db.mistakeItem.create({ data: { userId, courseId, questionId, dueAt, ...extra } });

describe("the due-today count", () => {
  it("counts items due before the end of the Shanghai day, across midnight", async () => {
    const { user, actor, course } = await learner();
    const q = await makeQuestion(course.id);
    // A wrong answer late in the evening comes back the next day, not an hour later.
    await answerPracticeQuestion(actor, { courseId: course.id, questionId: q.id, response: ["A"] }, at("2026-09-10 23:00"));
    expect(await mistakeSummaryFor(actor, at("2026-09-10 23:59"))).toEqual({ dueToday: 0, total: 1 });
    expect(await mistakeSummaryFor(actor, at("2026-09-11 00:00"))).toEqual({ dueToday: 1, total: 1 });
    expect(await mistakeSummaryFor(actor, at("2026-09-15 12:00"))).toEqual({ dueToday: 1, total: 1 });

    await file(user.id, course.id, (await makeQuestion(course.id)).id, at("2026-09-11 15:00"));
    await file(user.id, course.id, (await makeQuestion(course.id)).id, at("2026-09-12 00:00"));
    await file(user.id, course.id, (await makeQuestion(course.id)).id, at("2026-09-01 00:00"), { box: 5, masteredAt: at("2026-09-01 10:00") });
    expect(await mistakeSummaryFor(actor, at("2026-09-11 00:00"))).toEqual({ dueToday: 2, total: 3 });
    expect(await mistakeSummaryFor(actor, at("2026-09-12 00:00"))).toEqual({ dueToday: 3, total: 3 });
  });

  it("leaves out items of courses the student left, archived questions and questions an open quiz holds back", async () => {
    const { user, actor, course } = await learner();
    const left = await makeCourse((await makeDepartment()).id);
    const due = at("2026-09-01 00:00");
    const now = at("2026-09-10 12:00");
    await file(user.id, course.id, (await makeQuestion(course.id)).id, due);
    await file(user.id, left.id, (await makeQuestion(left.id)).id, due);
    await file(user.id, course.id, (await makeQuestion(course.id, "SINGLE", { archived: true })).id, due);
    const held = await makeQuestion(course.id);
    await file(user.id, course.id, held.id, due);
    await db.quiz.create({
      data: { courseId: course.id, title: "课后测验", status: "PUBLISHED", closesAt: at("2026-09-11 00:00"), questions: { create: [{ questionId: held.id, position: 0 }] } },
    });
    expect(await mistakeSummaryFor(actor, now)).toEqual({ dueToday: 1, total: 3 });
    expect(await mistakeSummaryFor(actor, at("2026-09-11 08:00"))).toEqual({ dueToday: 2, total: 3 });
  });

  it("is zero for staff, who have no book", async () => {
    expect(await mistakeSummaryFor(actorOf(s.teacher))).toEqual({ dueToday: 0, total: 0 });
    expect(await mistakeSummaryFor(actorOf(s.admin))).toEqual({ dueToday: 0, total: 0 });
  });
});

describe("the mistake book", () => {
  it("lists the student's own items by course under each filter, stems only", async () => {
    const { user, actor, course } = await learner();
    const second = await makeCourse((await makeDepartment()).id, [{ userId: user.id, role: "STUDENT" }]);
    const now = at("2026-09-10 12:00");
    const dueQ = await makeQuestion(course.id, "SINGLE", { explanation: "SECRET-EXPLANATION" });
    const laterQ = await makeQuestion(second.id, "TRUE_FALSE");
    const masteredQ = await makeQuestion(course.id, "FILL_IN");
    await file(user.id, course.id, dueQ.id, at("2026-09-10 00:00"));
    await file(user.id, second.id, laterQ.id, at("2026-09-14 00:00"), { box: 3 });
    await file(user.id, course.id, masteredQ.id, at("2026-09-01 00:00"), { box: 5, masteredAt: at("2026-09-02 10:00") });
    // Someone else's item never shows.
    await file(s.student2.id, course.id, dueQ.id, at("2026-09-10 00:00"));

    const due = await listMistakes(actor, "due", now);
    expect(due.counts).toEqual({ due: 1, active: 2, mastered: 1 });
    expect(due.groups).toEqual([
      { course: { id: course.id, title: course.title }, due: 1, weakTags: [], items: [expect.objectContaining({ questionId: dueQ.id, stem: dueQ.stem, box: 1, wrongCount: 1, due: true })] },
    ]);
    expect(JSON.stringify(due)).not.toContain("SECRET-EXPLANATION");

    const all = await listMistakes(actor, "all", now);
    expect(all.groups.flatMap((g) => g.items.map((item) => [item.questionId, item.due]))).toEqual(
      expect.arrayContaining([
        [dueQ.id, true],
        [laterQ.id, false],
        [masteredQ.id, false],
      ]),
    );
    expect(all.groups.map((g) => g.course.id).sort()).toEqual([course.id, second.id].sort());

    const mastered = await listMistakes(actor, "mastered", now);
    expect(mastered.groups.flatMap((g) => g.items.map((item) => item.questionId))).toEqual([masteredQ.id]);
  });

  it("ranks weak tags by error rate over practice answers and quiz attempts, from three answers on", async () => {
    const { user, actor, course } = await learner();
    const student = actor;
    const heart = await makeQuestion(course.id, "SINGLE", { tags: ["系统:心血管"] });
    const lung = await makeQuestion(course.id, "SINGLE", { tags: ["系统:呼吸"] });
    const kidney = await makeQuestion(course.id, "SINGLE", { tags: ["系统:泌尿"] });
    const answer = (questionId: string, response: string[]) => answerPracticeQuestion(student, { courseId: course.id, questionId, response });
    // 心血管: practice wrong, right; quiz wrong → 2 of 3 wrong.
    await answer(heart.id, ["A"]);
    await answer(heart.id, ["B"]);
    // 呼吸: practice wrong ×2, right ×2 → 2 of 4 wrong.
    for (const response of [["A"], ["C"], ["B"], ["B"]]) await answer(lung.id, response);
    // 泌尿: two wrong answers only → too few to judge.
    await answer(kidney.id, ["A"]);
    await answer(kidney.id, ["A"]);
    const quiz = await db.quiz.create({ data: { courseId: course.id, title: "测验", status: "PUBLISHED", closesAt: at("2026-01-01 00:00") } });
    await db.quizAttempt.create({
      data: {
        quizId: quiz.id,
        userId: user.id,
        number: 1,
        status: "SUBMITTED",
        maxScore: 2,
        questions: {
          create: [
            { questionId: heart.id, position: 0, points: 1, correct: false, score: 0 },
            // An unmarked answer has no verdict and does not count.
            { questionId: lung.id, position: 1, points: 1, correct: null },
          ],
        },
      },
    });
    // Another student's answers do not count.
    await answerPracticeQuestion(actorOf(s.student), { courseId: s.course.id, questionId: (await makeQuestion(s.course.id, "SINGLE", { tags: ["系统:呼吸"] })).id, response: ["A"] });

    expect(await weakTagsFor(student, course.id)).toEqual([
      { tag: "系统:心血管", answers: 3, wrong: 2, errorRate: 2 / 3 },
      { tag: "系统:呼吸", answers: 4, wrong: 2, errorRate: 0.5 },
    ]);
    expect((await listMistakes(student, "all")).groups[0].weakTags.map((w) => w.tag)).toEqual(["系统:心血管", "系统:呼吸"]);
  });

  it.each([
    ["student", "ok"],
    ["outsider", "not_found"],
    ["teacher", "auth.forbidden"],
    ["deptAdmin", "auth.forbidden"],
    ["otherDeptAdmin", "not_found"],
  ] as [Who, string][])("weakTagsFor: %s → %s", async (who, expected) => {
    const call = weakTagsFor(actorOf(s[who]), s.course.id);
    if (expected === "ok") await expect(call).resolves.toEqual(expect.any(Array));
    else expect(await failureOf(call)).toMatchObject({ code: expected });
  });
});

describe("spaced review", () => {
  it("moves an item through the five boxes on its due days until it is mastered, and back to box 1 when wrong", async () => {
    const { user, actor, course } = await learner();
    const q = await makeQuestion(course.id, "MULTIPLE", { explanation: "解析-REVIEW" });
    await answerPracticeQuestion(actor, { courseId: course.id, questionId: q.id, response: ["A"] }, at("2026-09-01 20:00"));
    expect(await nextReviewItem(actor, {}, at("2026-09-01 21:00"))).toEqual({ item: null, remaining: 0 });

    const itemId = (await db.mistakeItem.findFirstOrThrow({ where: { userId: user.id } })).id;
    const review = (response: string[], now: Date) => answerReviewItem(actor, { itemId, response }, now);

    // Day 2: due, shown without its key; a wrong answer keeps it in box 1, due the next day.
    const shown = await nextReviewItem(actor, {}, at("2026-09-02 08:00"));
    expect(shown).toMatchObject({ remaining: 1, item: { itemId, box: 1, course: { id: course.id }, question: { id: q.id, type: "MULTIPLE" } } });
    expect(JSON.stringify(shown)).not.toContain("解析-REVIEW");
    expect(await review(["A", "B"], at("2026-09-02 08:01"))).toMatchObject({ correct: false, mistake: { box: 1, dueAt: at("2026-09-03 00:00") }, explanation: "解析-REVIEW" });
    expect(await mistakeSummaryFor(actor, at("2026-09-02 09:00"))).toEqual({ dueToday: 0, total: 1 });

    // Right on each due day: boxes 2, 3, 4, 5, then mastered.
    const steps: [string, number, string | null][] = [
      ["2026-09-03", 2, "2026-09-05"],
      ["2026-09-05", 3, "2026-09-09"],
      ["2026-09-09", 4, "2026-09-17"],
      ["2026-09-17", 5, "2026-10-03"],
    ];
    for (const [day, box, nextDue] of steps) {
      expect((await nextReviewItem(actor, {}, at(`${day} 07:00`))).item?.itemId).toBe(itemId);
      expect(await review(["C", "A"], at(`${day} 07:05`))).toMatchObject({ correct: true, mistake: { box, dueAt: at(`${nextDue} 00:00`), masteredAt: null } });
      // Answering again the same day changes nothing.
      expect(await review(["A", "C"], at(`${day} 07:06`))).toMatchObject({ mistake: { box } });
    }
    expect(await review(["A", "C"], at("2026-10-03 07:00"))).toMatchObject({ mistake: { box: 5, masteredAt: at("2026-10-03 07:00") } });
    expect(await nextReviewItem(actor, {}, at("2026-12-01 07:00"))).toEqual({ item: null, remaining: 0 });
    expect(await mistakeSummaryFor(actor, at("2026-12-01 07:00"))).toEqual({ dueToday: 0, total: 0 });

    // Every review answer is stored as such.
    expect(await db.practiceAnswer.groupBy({ by: ["source"], where: { userId: user.id }, _count: true, orderBy: { source: "asc" } })).toEqual([
      { source: "PRACTICE", _count: 1 },
      { source: "REVIEW", _count: 10 },
    ]);

    // Wrong again after mastering: back in box 1 and due tomorrow.
    await answerPracticeQuestion(actor, { courseId: course.id, questionId: q.id, response: ["B"] }, at("2026-12-01 08:00"));
    expect(await db.mistakeItem.findUniqueOrThrow({ where: { id: itemId } })).toMatchObject({ box: 1, masteredAt: null, wrongCount: 3, dueAt: at("2026-12-02 00:00") });
  });

  it("offers the longest overdue item first, optionally of one course", async () => {
    const { user, actor, course } = await learner();
    const other = await makeCourse((await makeDepartment()).id, [{ userId: user.id, role: "STUDENT" }]);
    const older = await file(user.id, course.id, (await makeQuestion(course.id)).id, at("2026-09-01 00:00"), { box: 3 });
    const newer = await file(user.id, other.id, (await makeQuestion(other.id)).id, at("2026-09-05 00:00"));
    const now = at("2026-09-10 12:00");
    expect(await nextReviewItem(actor, {}, now)).toMatchObject({ remaining: 2, item: { itemId: older.id } });
    expect(await nextReviewItem(actor, { courseId: other.id }, now)).toMatchObject({ remaining: 1, item: { itemId: newer.id } });
  });

  it("refuses someone else's item, an item of a course the student left, and bad answers, storing nothing", async () => {
    const { user, actor, course } = await learner();
    const q = await makeQuestion(course.id);
    const item = await file(user.id, course.id, q.id, at("2026-09-01 00:00"));
    const now = at("2026-09-10 12:00");
    const snapshot = async () => ({
      answers: await db.practiceAnswer.count({ where: { questionId: q.id } }),
      item: await db.mistakeItem.findUniqueOrThrow({ where: { id: item.id } }),
    });
    const before = await snapshot();

    const cases: [string, () => ReturnType<typeof answerReviewItem>, string][] = [
      ["another student", () => answerReviewItem(actorOf(s.student), { itemId: item.id, response: ["B"] }, now), "not_found"],
      ["a teacher", () => answerReviewItem(actorOf(s.teacher), { itemId: item.id, response: ["B"] }, now), "not_found"],
      ["a malformed id", () => answerReviewItem(actor, { itemId: "x\u0000y", response: ["B"] }, now), "not_found"],
      ["an empty answer", () => answerReviewItem(actor, { itemId: item.id, response: [] }, now), "practice.empty_answer"],
      ["a key that is not an option", () => answerReviewItem(actor, { itemId: item.id, response: ["F"] }, now), "practice.invalid_answer"],
    ];
    for (const [label, call, code] of cases) expect({ label, ...(await failureOf(call())) }).toMatchObject({ label, code });

    await db.courseMember.deleteMany({ where: { courseId: course.id, userId: user.id } });
    expect(await failureOf(answerReviewItem(actor, { itemId: item.id, response: ["B"] }, now))).toMatchObject({ code: "not_found" });
    expect(await nextReviewItem(actor, {}, now)).toEqual({ item: null, remaining: 0 });
    expect(await snapshot()).toEqual(before);
  });
});
