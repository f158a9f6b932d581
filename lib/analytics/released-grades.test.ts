import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getCourseGradebook } from "@/lib/gradebook/get-course-gradebook";
import { actorOf } from "@/tests/factories";
import { getCourseDashboard } from "./course-dashboard";
import { exportAnalyticsTable } from "./export-tables";
import { getStudentAnalytics } from "./student-analytics";
import { NOW, makeAnalyticsSchool, makePeerReview } from "./test-fixtures";

/*
 * What the dashboards show of grades is the gradebook's: the course dashboard's summary and the student drill-down's
 * peer-review grades come from the gradebook's loader, released grades only.
 */

const DAY_MS = 86_400_000;
// Released before both NOW (the dashboards' clock) and the real clock (the gradebook's); due after both.
const RELEASED = new Date(Math.min(NOW.getTime(), Date.now()) - 5 * DAY_MS);
const NOT_YET = new Date(Math.max(NOW.getTime(), Date.now()) + DAY_MS);

let s: Awaited<ReturnType<typeof makeAnalyticsSchool>>;

beforeAll(async () => {
  s = await makeAnalyticsSchool();
  const item = (position: number, name: string, weight: number) => db.assessmentItem.create({ data: { courseId: s.course.id, position, name, weight } });
  const quizzes = await item(0, "课后测验", 30);
  const coursework = await item(1, "作业与互评", 30);
  await item(2, "期末考试", 40);
  await db.quiz.updateMany({ where: { courseId: s.course.id }, data: { assessmentItemId: quizzes.id } });
  // Graded (90 and 70 of 100) but not released yet.
  await db.homework.update({ where: { id: s.homework.id }, data: { assessmentItemId: coursework.id } });
  await makePeerReview(s, { title: "病例分析互评", releasedAt: RELEASED, grades: { student: 80, student2: 60 }, student2Reviewing: 90, assessmentItemId: coursework.id });
  await makePeerReview(s, { title: "未发布的互评", releasedAt: null, grades: { student: 10, student2: 10 }, student2Reviewing: 10, assessmentItemId: coursework.id });
  await makePeerReview(s, { title: "明天发布的互评", releasedAt: NOT_YET, grades: { student: 20, student2: 20 }, student2Reviewing: 20, assessmentItemId: coursework.id });
});

/** The gradebook's columns averaged by hand, the way a teacher would from its export. */
async function fromGradebook() {
  const gradebook = await getCourseGradebook(actorOf(s.teacher), s.course.id);
  const mean = (values: (number | null)[]) => {
    const present = values.filter((value): value is number => value !== null);
    return { students: present.length, average: present.length ? present.reduce((sum, v) => sum + v, 0) / present.length : null };
  };
  return {
    items: gradebook.items.map((item, i) => ({ id: item.id, ...mean(gradebook.students.map((student) => student.items[i].percent)) })),
    total: mean(gradebook.students.map((student) => student.total)),
  };
}

describe("the course dashboard's gradebook summary", () => {
  it("agrees with the gradebook: released peer reviews count, unreleased homework and peer reviews do not", async () => {
    const { gradebook } = await getCourseDashboard(actorOf(s.teacher), s.course.id, NOW);
    const expected = await fromGradebook();
    expect(gradebook.items.map((row) => ({ id: row.assessmentItemId, students: row.students, average: row.average }))).toEqual(
      expected.items.map((row) => ({ ...row, average: row.average === null ? null : expect.closeTo(row.average, 9) })),
    );
    expect(gradebook.total).toEqual({ students: expected.total.students, average: expect.closeTo(expected.total.average!, 9) });
    // Worked through: quizzes 55 and 60 (quiz 1 HIGHEST 80 / 50, quiz 2 LAST 30 / 70); coursework only the released
    // peer review, 80 and 0.8 × 60 + 0.2 × 90 = 66; no exam yet, so the totals weigh 30 + 30.
    expect(gradebook.items.map((row) => [row.name, row.quizzes, row.homework, row.peerReviews, row.students, row.average])).toEqual([
      ["课后测验", 2, 0, 0, 2, 57.5],
      ["作业与互评", 0, 0, 1, 2, 73],
      ["期末考试", 0, 0, 0, 0, null],
    ]);
    expect(gradebook.total).toEqual({ students: 2, average: expect.closeTo((67.5 + 63) / 2, 9) });
  });

  it("counts homework once its grades are released, in both", async () => {
    await db.homework.update({ where: { id: s.homework.id }, data: { gradesReleasedAt: RELEASED } });
    const { gradebook } = await getCourseDashboard(actorOf(s.teacher), s.course.id, NOW);
    const expected = await fromGradebook();
    expect(gradebook.items.map((row) => row.average)).toEqual(expected.items.map((row) => row.average));
    // (90 + 80) / 2 and (70 + 66) / 2.
    expect(gradebook.items[1]).toMatchObject({ homework: 1, peerReviews: 1, students: 2, average: 76.5 });
    expect(gradebook.total.average).toBeCloseTo(expected.total.average!, 9);
    await db.homework.update({ where: { id: s.homework.id }, data: { gradesReleasedAt: null } });
  });

  it("exports the items and the course total", async () => {
    const csv = new TextDecoder().decode((await exportAnalyticsTable(actorOf(s.teacher), "course-gradebook", { courseId: s.course.id }, "csv", NOW)).body);
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("考核项目,权重(%),测验数,作业数,互评数,有成绩人数,平均分");
    expect(lines.slice(1)).toEqual(["课后测验,30,2,0,0,2,57.5", "作业与互评,30,0,0,1,2,73.0", "期末考试,40,0,0,0,0,", "总评（按考核方案加权）,,,,,2,65.3"]);
  });
});

describe("peer-review grades in the student drill-down", () => {
  it("shows the student's released grade, dated at its release, and nothing unreleased", async () => {
    for (const viewer of [s.student, s.teacher, s.deptAdmin]) {
      const { timeline } = await getStudentAnalytics(actorOf(viewer), s.student.id, {}, NOW);
      const peer = timeline.filter((item) => item.kind === "peer");
      expect(peer).toEqual([{ at: RELEASED, kind: "peer", courseId: s.course.id, courseTitle: s.course.title, title: "病例分析互评", status: null, value: 80 }]);
      // In date order with the rest.
      expect(timeline.map((item) => item.at.getTime())).toEqual(timeline.map((item) => item.at.getTime()).sort((a, b) => b - a));
    }
  });

  it("gives the grade for reviewing its weight, and says nothing about who reviewed", async () => {
    const own = await getStudentAnalytics(actorOf(s.student2), s.student2.id, {}, NOW);
    expect(own.timeline.filter((item) => item.kind === "peer").map((item) => item.value)).toEqual([66]);
    const reviewed = JSON.stringify((await getStudentAnalytics(actorOf(s.student), s.student.id, {}, NOW)).timeline);
    expect(reviewed).not.toContain(s.student2.name);
    expect(reviewed).not.toContain("评审人");
  });

  it("exports it with its kind", async () => {
    const csv = new TextDecoder().decode((await exportAnalyticsTable(actorOf(s.student), "student-timeline", { studentId: s.student.id }, "csv", NOW)).body);
    expect(csv).toContain(",同伴互评,病例分析互评,80分");
    expect(csv).not.toContain("未发布的互评");
    expect(csv).not.toContain("明天发布的互评");
  });
});
