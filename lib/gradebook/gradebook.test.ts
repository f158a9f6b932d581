import ExcelJS from "exceljs";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError, toErrorResult } from "@/lib/errors";
import { gradeSubmission } from "@/lib/homework/grade-submission";
import { publishHomework } from "@/lib/homework/publish-homework";
import { releaseGrades } from "@/lib/homework/release-grades";
import { saveHomework } from "@/lib/homework/save-homework";
import { submitHomework } from "@/lib/homework/submit-homework";
import { homeworkInput } from "@/lib/homework/test-fixtures";
import { CASE_RUBRIC } from "@/lib/peer/test-fixtures";
import { actorOf, makeSchool } from "@/tests/factories";
import { getCourseGradebook } from "./get-course-gradebook";
import { getMyGrades } from "./get-my-grades";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({
  requireActor: async () => {
    if (!session.actor) throw new AppError("auth.unauthenticated");
    return session.actor;
  },
}));
const { GET } = await import("@/app/teacher/courses/[courseId]/gradebook/export/route");

type School = Awaited<ReturnType<typeof makeSchool>>;
type Who = "teacher" | "assistant" | "admin" | "deptAdmin" | "otherDeptAdmin" | "student" | "student2" | "outsider" | "otherTeacher";
const codeOf = (work: Promise<unknown>) => work.then(() => "ok", (error: unknown) => toErrorResult(error).code);

let s: School;
const as = (who: Who) => actorOf(s[who]);
let usual: string;
let final: string;
let quizId: string;
let released: string;
let unreleased: string;

async function quizAttempt(userId: string, number: number, score: number | null, status: "SUBMITTED" | "IN_PROGRESS" = "SUBMITTED") {
  await db.quizAttempt.create({ data: { quizId, userId, number, status, score, maxScore: 20, submittedAt: status === "SUBMITTED" ? new Date() : null } });
}

async function gradedHomework(title: string, itemId: string, scores: ["student" | "student2", number][], release: boolean) {
  const { homeworkId } = await saveHomework(as("teacher"), homeworkInput(s.course.id, { title, assessmentItemId: itemId, points: 50, latePolicy: "NONE" }));
  await publishHomework(as("teacher"), { homeworkId });
  for (const [who, points] of scores) {
    const { submissionId } = await submitHomework(as(who), { homeworkId, text: "答案" });
    await gradeSubmission(as("teacher"), { submissionId, points });
  }
  if (release) await releaseGrades(as("teacher"), { homeworkId, released: true });
  return homeworkId;
}

beforeAll(async () => {
  s = await makeSchool();
  const items = await Promise.all([
    db.assessmentItem.create({ data: { courseId: s.course.id, position: 0, name: "平时成绩", weight: 40 } }),
    db.assessmentItem.create({ data: { courseId: s.course.id, position: 1, name: "期末考试", weight: 60 } }),
  ]);
  [usual, final] = items.map((item) => item.id);
  const quiz = await db.quiz.create({
    data: { courseId: s.course.id, title: "第一章测验", status: "PUBLISHED", scoring: "HIGHEST", review: "NEVER", assessmentItemId: usual, publishedAt: new Date() },
  });
  quizId = quiz.id;
  await quizAttempt(s.student.id, 1, 10);
  await quizAttempt(s.student.id, 2, 16);
  await quizAttempt(s.student.id, 3, 20, "IN_PROGRESS");
  await quizAttempt(s.student2.id, 1, null); // waiting for marking: not counted yet
  released = await gradedHomework("病例分析一", usual, [["student", 40], ["student2", 25]], true);
  unreleased = await gradedHomework("病例分析二（未发布）", final, [["student", 10], ["student2", 50]], false);
});

describe("the teacher's gradebook", () => {
  it.each([
    ["teacher", "ok"],
    ["assistant", "ok"],
    ["deptAdmin", "ok"],
    ["admin", "ok"],
    ["student", "auth.forbidden"],
    ["otherTeacher", "not_found"],
    ["otherDeptAdmin", "not_found"],
    ["outsider", "not_found"],
  ] as const)("%s → %s", async (who, expected) => {
    expect(await codeOf(getCourseGradebook(as(who), s.course.id))).toBe(expected);
  });

  it("combines quiz (highest of scored attempts) and released homework by the scheme; unreleased work is left out", async () => {
    const book = await getCourseGradebook(as("teacher"), s.course.id);
    expect(book.activities.map((activity) => activity.id)).toEqual([quizId, released]);
    expect(book.activities.some((activity) => activity.id === unreleased)).toBe(false);
    const [me, other] = [s.student.id, s.student2.id].map((id) => book.students.find((student) => student.userId === id)!);
    // Quiz 16/20 = 80 %, homework 40/50 = 80 % → 平时 80; 期末 has nothing released → total over 40 % of the weight.
    expect(me.percents).toEqual({ [quizId]: 80, [released]: 80 });
    expect(me.items).toEqual([
      { id: usual, percent: 80, count: 2 },
      { id: final, percent: null, count: 0 },
    ]);
    expect(me).toMatchObject({ total: 80, countedWeight: 40 });
    expect(other.percents).toEqual({ [released]: 50 });
    expect(other).toMatchObject({ total: 50, countedWeight: 40 });
    expect(book.schemeComplete).toBe(true);
  });

  it("exports .xlsx with Chinese headers and a frozen header row, and CSV with a BOM", async () => {
    session.actor = as("teacher");
    const xlsx = await GET(new Request(`http://localhost/teacher/courses/${s.course.id}/gradebook/export?format=xlsx`), { params: Promise.resolve({ courseId: s.course.id }) });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-disposition")).toContain("filename*=UTF-8''");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet("成绩")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "学号", "姓名", "班级", "平时成绩（40%）", "期末考试（60%）", "总评（%）", "已计入权重（%）"]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const myRow = sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(1).value === s.student.no)!;
    expect([myRow.getCell(4).value, myRow.getCell(5).value, myRow.getCell(6).value]).toEqual([80, null, 80]);
    expect(workbook.getWorksheet("明细")!.getRow(1).values).toContain("作业：病例分析一（平时成绩）");

    const csv = await GET(new Request(`http://localhost/x?format=csv`), { params: Promise.resolve({ courseId: s.course.id }) });
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split("\r\n")[0]).toBe("学号,姓名,班级,平时成绩（40%）,期末考试（60%）,总评（%）,已计入权重（%）");
    expect(text).not.toContain("病例分析二");

    session.actor = as("student");
    expect((await GET(new Request("http://localhost/x"), { params: Promise.resolve({ courseId: s.course.id }) })).status).toBe(403);
    session.actor = as("outsider");
    expect((await GET(new Request("http://localhost/x"), { params: Promise.resolve({ courseId: s.course.id }) })).status).toBe(404);
    session.actor = null;
  });
});

describe("the student's own grades", () => {
  afterEach(() => {
    session.actor = null;
  });

  it.each([
    ["student", "ok"],
    ["student2", "ok"],
    ["teacher", "auth.forbidden"],
    ["outsider", "not_found"],
  ] as const)("%s → %s", async (who, expected) => {
    expect(await codeOf(getMyGrades(as(who), s.course.id))).toBe(expected);
  });

  it("shows only the student's own results and only released homework", async () => {
    const mine = await getMyGrades(as("student"), s.course.id);
    expect(mine).toMatchObject({ total: 80, countedWeight: 40 });
    expect(mine.items[0].activities.map((activity) => [activity.id, activity.percent, activity.score])).toEqual([
      [quizId, 80, null],
      [released, 80, 40],
    ]);
    expect(mine.items[1]).toMatchObject({ percent: null, activities: [] });
    const text = JSON.stringify(mine);
    expect(text).not.toContain(unreleased);
    expect(text).not.toContain("病例分析二");
    expect(text).not.toContain(s.student2.id);
    // student2's 25/50 would show as 50 (%) and 25 (points) if it leaked.
    expect(text).not.toMatch(/"(percent|score)":(50|25)\b/);

    const theirs = await getMyGrades(as("student2"), s.course.id);
    expect(theirs.items[0].activities.map((activity) => [activity.id, activity.percent])).toEqual([[released, 50]]);
    expect(JSON.stringify(theirs)).not.toContain(s.student.id);
  });

  it("a homework's grades appear in the student's view once released, and go again when withdrawn", async () => {
    await releaseGrades(as("teacher"), { homeworkId: unreleased, released: true });
    const mine = await getMyGrades(as("student"), s.course.id);
    expect(mine.items[1]).toMatchObject({ percent: 20 });
    expect(mine.total).toBeCloseTo(0.4 * 80 + 0.6 * 20, 10);
    expect(mine.countedWeight).toBe(100);
    await releaseGrades(as("teacher"), { homeworkId: unreleased, released: false });
    expect((await getMyGrades(as("student"), s.course.id)).items[1].percent).toBeNull();
  });
});

describe("peer review in the gradebook", () => {
  async function peerReview(title: string, releasedAt: Date | null) {
    const activity = await db.peerReview.create({
      data: { courseId: s.course.id, title, assessmentItemId: final, submissionWeight: 80, rubric: CASE_RUBRIC, phase: "GRADING", gradesReleasedAt: releasedAt },
    });
    const mine = await db.peerSubmission.create({ data: { activityId: activity.id, authorId: s.student.id, text: "我的分析", grade: 70 } });
    const theirs = await db.peerSubmission.create({ data: { activityId: activity.id, authorId: s.student2.id, text: "同学的分析", grade: 50, gradeOverride: 90 } });
    await db.peerAssessment.createMany({
      data: [
        // student reviewed student2 (60 for reviewing); student2 never submitted the review of student (0).
        { submissionId: theirs.id, reviewerId: s.student.id, alias: "A", kind: "PEER", submittedAt: new Date(), score: 80, reviewGrade: 60 },
        { submissionId: mine.id, reviewerId: s.student2.id, alias: "A", kind: "PEER" },
      ],
    });
    return activity.id;
  }

  it("counts a released peer review's activity grade (override first, weighted with the grade for reviewing) and leaves an unreleased one out", async () => {
    const counted = await peerReview("病例分析互评", new Date(Date.now() - 1000));
    const hidden = await peerReview("互评（未发布）", null);
    const book = await getCourseGradebook(as("teacher"), s.course.id);
    expect(book.activities.filter((activity) => activity.kind === "peer").map((activity) => activity.id)).toEqual([counted]);
    const [me, other] = [s.student.id, s.student2.id].map((id) => book.students.find((student) => student.userId === id)!);
    // 0.8 × 70 + 0.2 × 60 = 68; the override 90 with a review never done: 0.8 × 90 + 0.2 × 0 = 72.
    expect(me.percents[counted]).toBe(68);
    expect(other.percents[counted]).toBe(72);
    expect(me.items[1]).toEqual({ id: final, percent: 68, count: 1 });
    expect(me.total).toBeCloseTo(0.4 * 80 + 0.6 * 68, 10);

    const mine = await getMyGrades(as("student"), s.course.id);
    expect(mine.items[1].activities.map((activity) => [activity.kind, activity.id, activity.percent])).toEqual([["peer", counted, 68]]);
    const text = JSON.stringify(mine);
    expect(text).not.toContain(hidden);
    expect(text).not.toContain(s.student2.id);

    session.actor = as("teacher");
    const xlsx = await GET(new Request("http://localhost/x?format=xlsx"), { params: Promise.resolve({ courseId: s.course.id }) });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.getWorksheet("明细")!.getRow(1).values).toContain("互评：病例分析互评（期末考试）");
    session.actor = null;
  });
});
