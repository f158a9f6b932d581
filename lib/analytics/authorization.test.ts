import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError, toErrorResult } from "@/lib/errors";
import { actorOf } from "@/tests/factories";
import { refreshAnalyticsAction } from "./actions";
import { getAtRiskStudents } from "./at-risk";
import { getAtRiskSettings, saveAtRiskSettings } from "./at-risk-settings";
import { getCompetencyView, saveCompetencies, setObjectiveCompetencies } from "./competencies";
import { getCourseDashboard } from "./course-dashboard";
import { getClassDashboard, getDepartmentDashboard } from "./department-dashboard";
import { EXPORT_TABLES, type ExportParams, type ExportTableName, exportAnalyticsTable } from "./export-tables";
import { getItemAnalysis } from "./get-item-analysis";
import { refreshAnalytics } from "./refresh-analytics";
import { getStudentAnalytics } from "./student-analytics";
import { NOW, makeAnalyticsSchool } from "./test-fixtures";

// The server action as the page calls it; only the session (and Next's cache) is stubbed.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({
  requireActor: async () => {
    if (!session.actor) throw new AppError("auth.unauthenticated");
    return session.actor;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

/*
 * Every analytics function and export × every role. "ok" = allowed; not_found = cannot even tell it exists;
 * auth.forbidden = visible but not allowed. Department-level results are also checked for leaks: nothing of a
 * department but the actor's own may appear.
 */

type Who = "admin" | "deptAdmin" | "otherDeptAdmin" | "teacher" | "otherTeacher" | "assistant" | "student" | "student2" | "outsider";
type Outcome = "ok" | "not_found" | "auth.forbidden";
const WHO: Who[] = ["admin", "deptAdmin", "otherDeptAdmin", "teacher", "otherTeacher", "assistant", "student", "student2", "outsider"];

let s: Awaited<ReturnType<typeof makeAnalyticsSchool>>;
let actor: (who: Who) => Actor;
let objectiveId: string;
let competencyId: string;

beforeAll(async () => {
  s = await makeAnalyticsSchool();
  actor = (who) => actorOf(s[who]);
  const objective = await db.courseObjective.create({ data: { courseId: s.course.id, position: 0, text: "掌握心脏听诊" } });
  objectiveId = objective.id;
  const competency = await db.competency.create({ data: { departmentId: s.dept.id, code: "CV", name: "心血管系统疾病", position: 0, tags: ["系统:心血管"] } });
  competencyId = competency.id;
  await db.competency.create({ data: { departmentId: s.otherDept.id, code: "X", name: "外系能力", position: 0, tags: ["系统:心血管"] } });
});

const outcomeOf = async (work: () => Promise<unknown>): Promise<Outcome> => {
  try {
    await work();
    return "ok";
  } catch (error) {
    const { code } = toErrorResult(error);
    if (code !== "not_found" && code !== "auth.forbidden") throw error;
    return code;
  }
};

/** Expected outcomes per role, with the rest of the roles defaulting. */
const table = (expected: Partial<Record<Who, Outcome>>, rest: Outcome): Record<Who, Outcome> =>
  Object.fromEntries(WHO.map((who) => [who, expected[who] ?? rest])) as Record<Who, Outcome>;

/** Department level: admins and department admins; teachers and students are refused whatever they teach or take. */
const DEPARTMENT = table({ admin: "ok", deptAdmin: "ok", otherDeptAdmin: "ok" }, "auth.forbidden");
/** Department level, naming the course's department. */
const THIS_DEPARTMENT = table({ admin: "ok", deptAdmin: "ok", otherDeptAdmin: "not_found" }, "auth.forbidden");
/** Course level ("grades.view"): staff of the course and its department; its students see it but may not. */
const COURSE = table(
  { admin: "ok", deptAdmin: "ok", teacher: "ok", assistant: "ok", student: "auth.forbidden", student2: "auth.forbidden" },
  "not_found",
);
/** One student's analytics: the student, and staff who may see grades in one of their courses. */
const STUDENT = table({ admin: "ok", deptAdmin: "ok", teacher: "ok", assistant: "ok", student: "ok" }, "not_found");

describe("every analytics function × role", () => {
  const cases: [string, Record<Who, Outcome>, (a: Actor) => Promise<unknown>][] = [
    ["department dashboard", DEPARTMENT, (a) => getDepartmentDashboard(a, {}, NOW)],
    ["department dashboard of the course's department", THIS_DEPARTMENT, (a) => getDepartmentDashboard(a, { departmentId: s.dept.id }, NOW)],
    ["department dashboard filtered to the course", THIS_DEPARTMENT, (a) => getDepartmentDashboard(a, { courseId: s.course.id }, NOW)],
    ["class dashboard", DEPARTMENT, (a) => getClassDashboard(a, s.cls.id, {}, NOW)],
    ["course dashboard", COURSE, (a) => getCourseDashboard(a, s.course.id, NOW)],
    ["student drill-down", STUDENT, (a) => getStudentAnalytics(a, s.student.id, {}, NOW)],
    ["at-risk list of the course", COURSE, (a) => getAtRiskStudents(a, { courseId: s.course.id }, NOW)],
    ["at-risk list of the department", DEPARTMENT, (a) => getAtRiskStudents(a, {}, NOW)],
    ["item analysis", COURSE, (a) => getItemAnalysis(a, s.quizzes[0].id)],
    ["competency view of the course", COURSE, (a) => getCompetencyView(a, { courseId: s.course.id })],
    ["competency view of the department", THIS_DEPARTMENT, (a) => getCompetencyView(a, { departmentId: s.dept.id })],
    ["at-risk thresholds", THIS_DEPARTMENT, (a) => getAtRiskSettings(a, s.dept.id)],
    ["refresh now, one course", COURSE, (a) => refreshAnalytics(a, { courseId: s.course.id }, NOW)],
    ["refresh now, the department view", DEPARTMENT, (a) => refreshAnalytics(a, {}, NOW)],
    ["refresh now, the course's department", THIS_DEPARTMENT, (a) => refreshAnalytics(a, { departmentId: s.dept.id }, NOW)],
  ];
  it.each(cases)("%s", async (_name, expected, run) => {
    const got = Object.fromEntries(await Promise.all(WHO.map(async (who) => [who, await outcomeOf(() => run(actor(who)))] as const)));
    expect(got).toEqual(expected);
  });
});

describe("every export × role (same decisions as the pages)", () => {
  const exportCases: Record<ExportTableName, [ExportParams | (() => ExportParams), Record<Who, Outcome>]> = {
    "department-courses": [{}, DEPARTMENT],
    "department-trend": [{}, DEPARTMENT],
    "class-courses": [() => ({ classId: s.cls.id }), DEPARTMENT],
    "course-lessons": [() => ({ courseId: s.course.id }), COURSE],
    "course-quizzes": [() => ({ courseId: s.course.id }), COURSE],
    "course-gradebook": [() => ({ courseId: s.course.id }), COURSE],
    "student-courses": [() => ({ studentId: s.student.id }), STUDENT],
    "student-timeline": [() => ({ studentId: s.student.id }), STUDENT],
    "at-risk": [() => ({ courseId: s.course.id }), COURSE],
    "item-analysis": [() => ({ quizId: s.quizzes[0].id }), COURSE],
    competencies: [() => ({ departmentId: s.dept.id }), THIS_DEPARTMENT],
  };
  it("covers every table", () => expect(Object.keys(exportCases).sort()).toEqual([...EXPORT_TABLES].sort()));
  it.each(Object.entries(exportCases))("%s", async (name, [params, expected]) => {
    const values = typeof params === "function" ? params() : params;
    const got = Object.fromEntries(
      await Promise.all(WHO.map(async (who) => [who, await outcomeOf(() => exportAnalyticsTable(actor(who), name, values, "csv", NOW))] as const)),
    );
    expect(got).toEqual(expected);
  });
  it("refuses an unknown table", async () => {
    await expect(exportAnalyticsTable(actor("admin"), "users", {}, "csv", NOW)).rejects.toMatchObject({ code: "analytics.unknown_table" });
  });
});

describe("a department admin never sees another department's data", () => {
  it("department and class dashboards, at-risk lists and exports hold only their own department's courses", async () => {
    const other = actor("otherDeptAdmin");
    const dashboard = await getDepartmentDashboard(other, {}, NOW);
    expect(dashboard.courses.map((c) => c.courseId)).toEqual([s.otherCourse.id]);
    expect(dashboard.options.departments.map((d) => d.id)).toEqual([s.otherDept.id]);
    expect(dashboard.options.courses.map((c) => c.id)).toEqual([s.otherCourse.id]);
    // The class is the other department's, but one of its students takes this department's course: visible, and
    // counted only there.
    const cohort = await getClassDashboard(other, s.cls.id, {}, NOW);
    expect(cohort.courses.map((c) => c.courseId)).toEqual([s.otherCourse.id]);
    expect(cohort.total.students).toBe(1);
    const atRisk = await getAtRiskStudents(other, {}, NOW);
    expect(atRisk.rows.every((row) => row.courseId === s.otherCourse.id)).toBe(true);
    const csv = new TextDecoder().decode((await exportAnalyticsTable(other, "department-courses", {}, "csv", NOW)).body);
    expect(csv).not.toContain(s.course.code);
    expect(csv).toContain(s.otherCourse.code);
  });

  it("filters naming another department's course or class are not_found, not empty", async () => {
    const other = actor("otherDeptAdmin");
    await expect(getDepartmentDashboard(other, { courseId: s.course.id }, NOW)).rejects.toMatchObject({ code: "not_found" });
    const lonely = await db.class.create({ data: { name: `孤立班-${s.dept.code}`, departmentId: s.dept.id } });
    await expect(getDepartmentDashboard(other, { classId: lonely.id }, NOW)).rejects.toMatchObject({ code: "not_found" });
    await expect(getClassDashboard(other, lonely.id, {}, NOW)).rejects.toMatchObject({ code: "not_found" });
  });

  it("a student's drill-down shows only the courses the viewer may see", async () => {
    await db.courseMember.create({ data: { courseId: s.otherCourse.id, userId: s.student.id, role: "STUDENT" } });
    const mine = await getStudentAnalytics(actor("deptAdmin"), s.student.id, {}, NOW);
    expect(mine.courses.map((c) => c.courseId)).toEqual([s.course.id]);
    const theirs = await getStudentAnalytics(actor("otherDeptAdmin"), s.student.id, {}, NOW);
    expect(theirs.courses.map((c) => c.courseId)).toEqual([s.otherCourse.id]);
    expect(theirs.timeline.every((item) => item.courseId === s.otherCourse.id)).toBe(true);
    const own = await getStudentAnalytics(actor("student"), s.student.id, {}, NOW);
    expect(own.courses.map((c) => c.courseId).sort()).toEqual([s.course.id, s.otherCourse.id].sort());
    await db.courseMember.deleteMany({ where: { courseId: s.otherCourse.id, userId: s.student.id } });
  });
});

describe("a student's own 我的学习 (app/student/progress) and its export links", () => {
  const OWN_TABLES = ["student-courses", "student-timeline"] as const;
  const csvOf = async (a: Actor, table: string, params: ExportParams) =>
    new TextDecoder().decode((await exportAnalyticsTable(a, table, params, "csv", NOW)).body);

  it("reads their own profile and downloads both of its tables", async () => {
    const me = actor("student");
    const view = await getStudentAnalytics(me, me.id, {}, NOW);
    expect(view.student.id).toBe(s.student.id);
    expect(view.courses.map((c) => c.courseId)).toEqual([s.course.id]);
    expect(view.timeline.length).toBeGreaterThan(0);
    for (const table of OWN_TABLES) expect(await csvOf(me, table, { studentId: me.id })).toContain(s.course.title);
  });

  // Whoever the id names (a classmate, a stranger, staff, nobody) the answer is the same not_found.
  it.each<[string, () => string]>([
    ["a classmate in the same course", () => s.student2.id],
    ["a student of another department's course", () => s.outsider.id],
    ["the course's teacher", () => s.teacher.id],
    ["an administrator", () => s.admin.id],
    ["an id nobody has", () => "no-such-user"],
    ["a malformed id", () => "../../etc"],
    ["no id at all", () => ""],
  ])("gets not_found for %s, from the page's function and both exports", async (_name, idOf) => {
    const me = actor("student");
    const studentId = idOf();
    expect(await outcomeOf(() => getStudentAnalytics(me, studentId, {}, NOW))).toBe("not_found");
    expect(await outcomeOf(() => getStudentAnalytics(me, studentId, { term: s.course.term }, NOW))).toBe("not_found");
    for (const table of OWN_TABLES) {
      expect(await outcomeOf(() => exportAnalyticsTable(me, table, { studentId }, "csv", NOW))).toBe("not_found");
    }
  });
});

describe("settings", () => {
  const thresholds = { scoreDropPoints: 10, recentQuizzes: 3, lowScorePercent: 50, missedPreClassPercent: 40, absencePercent: 25, inactiveDays: 7 };

  it.each<[Who, Outcome]>([
    ["admin", "ok"],
    ["deptAdmin", "ok"],
    ["otherDeptAdmin", "not_found"],
    ["teacher", "auth.forbidden"],
    ["assistant", "auth.forbidden"],
    ["student", "auth.forbidden"],
  ])("at-risk thresholds of the department: %s → %s, and a refusal changes nothing", async (who, expected) => {
    await db.atRiskRule.deleteMany({ where: { departmentId: s.dept.id } });
    expect(await outcomeOf(() => saveAtRiskSettings(actor(who), s.dept.id, thresholds))).toBe(expected);
    const row = await db.atRiskRule.findUnique({ where: { departmentId: s.dept.id } });
    expect(row ? { ...thresholds, ...row } : null).toEqual(expected === "ok" ? expect.objectContaining(thresholds) : null);
  });

  it("a department admin's thresholds default to their own department", async () => {
    const settings = await getAtRiskSettings(actor("deptAdmin"));
    expect(settings.departmentId).toBe(s.dept.id);
    await expect(getAtRiskSettings(actor("admin"))).rejects.toMatchObject({ code: "not_found" });
  });

  it.each<[Who, Outcome]>([
    ["admin", "ok"],
    ["deptAdmin", "ok"],
    ["otherDeptAdmin", "not_found"],
    ["teacher", "auth.forbidden"],
    ["student", "auth.forbidden"],
  ])("competency list of the department: %s → %s", async (who, expected) => {
    const before = await db.competency.findMany({ where: { departmentId: s.dept.id }, orderBy: { code: "asc" } });
    const list = [{ code: "CV", name: "心血管系统疾病", tags: ["系统:心血管"] }, { code: `N${who}`, name: "新能力", tags: [] }];
    expect(await outcomeOf(() => saveCompetencies(actor(who), s.dept.id, list))).toBe(expected);
    const after = await db.competency.findMany({ where: { departmentId: s.dept.id }, orderBy: { code: "asc" } });
    if (expected === "ok") expect(after.map((c) => c.code)).toEqual(["CV", `N${who}`]);
    else expect(after).toEqual(before);
    expect(after.find((c) => c.code === "CV")?.id).toBe(competencyId); // kept by code
  });

  it.each<[Who, Outcome]>([
    ["admin", "ok"],
    ["deptAdmin", "ok"],
    ["teacher", "ok"],
    ["assistant", "auth.forbidden"],
    ["otherDeptAdmin", "not_found"],
    ["otherTeacher", "not_found"],
    ["student", "auth.forbidden"],
    ["outsider", "not_found"],
  ])("mapping a course objective to competencies: %s → %s", async (who, expected) => {
    await db.objectiveCompetency.deleteMany({ where: { objectiveId } });
    expect(await outcomeOf(() => setObjectiveCompetencies(actor(who), objectiveId, [competencyId]))).toBe(expected);
    expect(await db.objectiveCompetency.count({ where: { objectiveId } })).toBe(expected === "ok" ? 1 : 0);
  });

  it("refuses a competency of another department", async () => {
    const foreign = await db.competency.findFirstOrThrow({ where: { departmentId: s.otherDept.id } });
    await expect(setObjectiveCompetencies(actor("teacher"), objectiveId, [foreign.id])).rejects.toMatchObject({ code: "analytics.unknown_competency" });
  });

  it("refuses two competencies with the same code", async () => {
    await expect(
      saveCompetencies(actor("deptAdmin"), s.dept.id, [
        { code: "A", name: "一", tags: [] },
        { code: "A", name: "二", tags: [] },
      ]),
    ).rejects.toMatchObject({ code: "analytics.duplicate_competency" });
  });
});

describe("refresh now (refreshAnalyticsAction) × role", () => {
  const OLD = new Date("2026-09-01T00:00:00Z");
  const formOf = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    return form;
  };
  const asOfOf = async (courseId: string) => (await db.analyticsRefresh.findUnique({ where: { courseId } }))?.asOf ?? null;
  /** Every course's figures as computed long ago, so that any rebuild shows. */
  const markOld = async () => {
    for (const courseId of [s.course.id, s.otherCourse.id]) {
      await db.analyticsRefresh.upsert({ where: { courseId }, create: { courseId, asOf: OLD }, update: { asOf: OLD } });
    }
  };

  // The action runs at the real clock; a refusal must leave the course's figures exactly as they were.
  it.each(WHO)("%s, one course: as the matrix says, and a refusal rebuilds nothing", async (who) => {
    await markOld();
    session.actor = actor(who);
    const result = await refreshAnalyticsAction(null, formOf({ courseId: s.course.id }));
    expect(result.ok ? "ok" : result.code).toBe(COURSE[who]);
    if (result.ok) expect(result.data).toEqual({ courses: 1, queued: 0 });
    expect((await asOfOf(s.course.id))?.getTime() === OLD.getTime()).toBe(!result.ok);
  });

  it.each(WHO)("%s, the department view: as the matrix says", async (who) => {
    session.actor = actor(who);
    const result = await refreshAnalyticsAction(null, formOf({}));
    expect(result.ok ? "ok" : result.code).toBe(DEPARTMENT[who]);
  });

  it("a department admin's refresh covers only their own department", async () => {
    await markOld();
    session.actor = actor("otherDeptAdmin");
    expect(await refreshAnalyticsAction(null, formOf({}))).toEqual({ ok: true, data: { courses: 1, queued: 0 } });
    expect((await asOfOf(s.course.id))?.getTime()).toBe(OLD.getTime());
    expect((await asOfOf(s.otherCourse.id))?.getTime()).not.toBe(OLD.getTime());
  });

  it.each<[string, Record<string, string>, string]>([
    ["an over-long course id", { courseId: "x".repeat(65) }, "validation"],
    ["a malformed term", { term: "2026'; DROP" }, "validation"],
    ["a malformed course id", { courseId: "../../etc" }, "not_found"],
    ["a course nobody has", { courseId: "nosuchcourse0000000000000" }, "not_found"],
    ["another department's course", { courseId: "OTHER" }, "not_found"],
  ])("refuses %s with a clear code and changes nothing", async (_name, fields, code) => {
    await markOld();
    session.actor = actor("deptAdmin");
    const input = Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, value === "OTHER" ? s.otherCourse.id : value]));
    expect(await refreshAnalyticsAction(null, formOf(input))).toMatchObject({ ok: false, code });
    expect(await db.analyticsRefresh.count({ where: { NOT: { asOf: OLD } } })).toBe(0);
  });

  it("refuses without a session", async () => {
    session.actor = null;
    expect(await refreshAnalyticsAction(null, formOf({}))).toEqual({ ok: false, code: "auth.unauthenticated" });
  });
});
