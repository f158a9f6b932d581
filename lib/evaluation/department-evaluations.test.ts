import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { toErrorResult } from "@/lib/errors";
import { actorOf, makeCourse, makeUser } from "@/tests/factories";
import { getDepartmentEvaluationResults } from "./get-department-evaluation-results";
import { getEvaluationResults } from "./get-evaluation-results";
import { listDepartmentEvaluations } from "./list-department-evaluations";
import { submitEvaluation } from "./submit-evaluation";
import { makeEvaluation, makeEvaluationSchool, ratingsOf } from "./test-fixtures";

type School = Awaited<ReturnType<typeof makeEvaluationSchool>>;
type Who = "deptAdmin" | "otherDeptAdmin" | "admin" | "teacher" | "assistant" | "otherTeacher" | "student" | "outsider";

const codeOf = (work: Promise<unknown>) => work.then(() => "ok", (error: unknown) => toErrorResult(error).code);

// Overall ratings 5, 4, 3, 4, 2 → mean 3.6; the comments must never leave the results page's aggregates.
const OVERALL = [5, 4, 3, 4, 2];
const FOREIGN_COMMENT = "外科评语：不应出现在内科";

let s: School;
/** An evaluation of s.course with five answers, one with a single answer, and one of another department's course. */
let full: string;
let small: string;
let foreign: string;
let foreignCourseId: string;
/** A course of the other department that s.deptAdmin teaches (department admins often teach). */
let taughtElsewhere: string;

async function answer(evaluationId: string, students: Parameters<typeof actorOf>[0][], overall: number[], comment = "") {
  for (const [i, student] of students.entries()) {
    await submitEvaluation(actorOf(student), { evaluationId, ratings: ratingsOf([3, 3, 3, 3, overall[i]]), comment });
  }
}

beforeAll(async () => {
  s = await makeEvaluationSchool();
  full = (await makeEvaluation(s.course.id, "open", "期中评教")).id;
  await answer(full, s.students.slice(0, 5), OVERALL, "内科评语");
  small = (await makeEvaluation(s.course.id, "open", "小评教")).id;
  await answer(small, [s.students[5]], [1]);

  const foreignStudents = await Promise.all([1, 2, 3, 4, 5].map(() => makeUser("STUDENT")));
  const foreignCourse = await makeCourse(s.otherDept.id, foreignStudents.map((user) => ({ userId: user.id, role: "STUDENT" as const })));
  foreignCourseId = foreignCourse.id;
  foreign = (await makeEvaluation(foreignCourse.id, "open", "外科评教")).id;
  await answer(foreign, foreignStudents, [1, 1, 1, 1, 1], FOREIGN_COMMENT);

  const elsewhere = await makeCourse(s.otherDept.id, [{ userId: s.deptAdmin.id, role: "TEACHER" }]);
  taughtElsewhere = (await makeEvaluation(elsewhere.id, "open", "兼课评教")).id;
});

const idsOf = async (who: Who, filters: Record<string, string> = {}) =>
  (await listDepartmentEvaluations(actorOf(s[who]), filters)).evaluations.map((row) => row.id);

describe("listDepartmentEvaluations", () => {
  it("lists the department's evaluations with course, response counts and the overall mean from 5 answers", async () => {
    const { evaluations } = await listDepartmentEvaluations(actorOf(s.deptAdmin), {});
    expect(evaluations.map((row) => row.id).sort()).toEqual([full, small].sort());
    const row = evaluations.find((r) => r.id === full)!;
    expect(row).toMatchObject({
      title: "期中评教",
      state: "open",
      responses: 5,
      studentCount: 6,
      lessonTitle: null,
      course: { id: s.course.id, code: s.course.code, title: s.course.title, term: s.course.term, departmentName: s.dept.name },
    });
    expect(row.overallMean).toBeCloseTo(3.6, 12);
    // Below the threshold nothing but the count.
    expect(evaluations.find((r) => r.id === small)).toMatchObject({ responses: 1, overallMean: null });
  });

  it("carries no comment, rating or respondent", async () => {
    const text = JSON.stringify(await listDepartmentEvaluations(actorOf(s.admin), {}));
    expect(text).not.toContain("内科评语");
    expect(text).not.toContain(FOREIGN_COMMENT);
    for (const student of s.students) expect(text).not.toContain(student.id);
  });

  it("filters by term and course, and offers only what is in scope", async () => {
    const older = await makeCourse(s.dept.id);
    await db.course.update({ where: { id: older.id }, data: { term: "2025-2026-2" } });
    const olderEvaluation = (await makeEvaluation(older.id, "closed", "上学期评教")).id;
    expect(await idsOf("deptAdmin", { term: "2025-2026-2" })).toEqual([olderEvaluation]);
    expect(await idsOf("deptAdmin", { term: s.course.term })).not.toContain(olderEvaluation);
    expect((await idsOf("deptAdmin", { courseId: s.course.id })).sort()).toEqual([full, small].sort());
    // A cleared <select> means all.
    expect(await idsOf("deptAdmin", { departmentId: "", term: "", courseId: "" })).toContain(olderEvaluation);

    const { options } = await listDepartmentEvaluations(actorOf(s.deptAdmin), {});
    expect(options.departments.map((d) => d.id)).toEqual([s.dept.id]);
    expect(options.courses.some((c) => c.id === foreignCourseId)).toBe(false);
  });

  // A department admin never sees another department's evaluations, whatever the filters say.
  // [who, filters, result, lists s.course's evaluation, lists the other department's]
  it.each([
    ["deptAdmin", {}, "ok", true, false],
    ["deptAdmin", { departmentId: "dept" }, "ok", true, false],
    ["deptAdmin", { departmentId: "otherDept" }, "not_found", null, null],
    ["deptAdmin", { courseId: "foreignCourse" }, "not_found", null, null],
    ["otherDeptAdmin", {}, "ok", false, true],
    ["otherDeptAdmin", { departmentId: "dept" }, "not_found", null, null],
    ["otherDeptAdmin", { courseId: "course" }, "not_found", null, null],
    ["admin", {}, "ok", true, true],
    ["admin", { departmentId: "otherDept" }, "ok", false, true],
    ["teacher", {}, "auth.forbidden", null, null],
    ["assistant", {}, "auth.forbidden", null, null],
    ["otherTeacher", {}, "auth.forbidden", null, null],
    ["student", {}, "auth.forbidden", null, null],
    ["outsider", {}, "auth.forbidden", null, null],
  ] as const)("%s with %o → %s", async (who, filter, expected, own, other) => {
    const ids: Record<string, string> = { dept: s.dept.id, otherDept: s.otherDept.id, course: s.course.id, foreignCourse: foreignCourseId };
    const filters = Object.fromEntries(Object.entries(filter).map(([key, name]) => [key, ids[name]]));
    const run = () => listDepartmentEvaluations(actorOf(s[who]), filters);
    expect(await codeOf(run())).toBe(expected);
    if (expected !== "ok") return;
    const listed = (await run()).evaluations.map((row) => row.id);
    expect([listed.includes(full), listed.includes(foreign)]).toEqual([own, other]);
  });

  it("leaves out a course of another department that the department admin teaches", async () => {
    expect(await idsOf("deptAdmin")).not.toContain(taughtElsewhere);
    expect(await idsOf("admin")).toContain(taughtElsewhere);
  });

  it.each([{ term: "2026/2027" }, { departmentId: "x".repeat(65) }, { courseId: "x\u0000" }])("refuses an unreadable filter %o as not_found", async (filters) => {
    expect(await codeOf(listDepartmentEvaluations(actorOf(s.admin), filters))).toBe("not_found");
  });
});

describe("getDepartmentEvaluationResults", () => {
  it("gives the same aggregates as the teacher's results page, with the course", async () => {
    const { course, results } = await getDepartmentEvaluationResults(actorOf(s.deptAdmin), full);
    expect(course).toMatchObject({ id: s.course.id, code: s.course.code, department: { name: s.dept.name } });
    const teachers = await getEvaluationResults(actorOf(s.teacher), full);
    expect(results.aggregates?.items).toEqual(teachers.aggregates?.items);
    expect([...(results.aggregates?.comments ?? [])].sort()).toEqual(["内科评语", "内科评语", "内科评语", "内科评语", "内科评语"]);
    expect(results).toMatchObject({ responses: 5, studentCount: 6, minimum: 5 });
  });

  it("shows only the count below 5 answers", async () => {
    const { results } = await getDepartmentEvaluationResults(actorOf(s.admin), small);
    expect(results).toMatchObject({ responses: 1, aggregates: null });
  });

  it.each([
    ["deptAdmin", "full", "ok"],
    ["deptAdmin", "foreign", "not_found"],
    ["deptAdmin", "taughtElsewhere", "not_found"],
    ["otherDeptAdmin", "full", "not_found"],
    ["otherDeptAdmin", "foreign", "ok"],
    ["admin", "full", "ok"],
    ["admin", "foreign", "ok"],
    ["teacher", "full", "auth.forbidden"],
    ["assistant", "full", "auth.forbidden"],
    ["student", "full", "auth.forbidden"],
    ["outsider", "foreign", "auth.forbidden"],
  ] as const)("%s reading %s → %s", async (who, which, expected) => {
    const ids = { full, foreign, taughtElsewhere };
    expect(await codeOf(getDepartmentEvaluationResults(actorOf(s[who]), ids[which]))).toBe(expected);
  });

  it.each(["no-such-evaluation", "../x", ""])("reports the unknown id %j as not_found", async (id) => {
    expect(await codeOf(getDepartmentEvaluationResults(actorOf(s.admin), id))).toBe("not_found");
  });
});
