import fs from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { toErrorResult } from "@/lib/errors";
import { LOCALES } from "@/i18n/config";
import zhMessages from "@/messages/zh-CN/audit.json";
import { actorOf, makeCourse, makeSchool, makeUser } from "@/tests/factories";
import { AUDIT_ACTIONS, AUDIT_GROUPS, GRADE_ACTIONS } from "./audit-actions";
import { type AuditTranslator, actionLabel, detailLines } from "./describe-detail";
import { listAuditLog, listCourseAuditLog } from "./list-audit";
import { type AuditAction, type AuditScope, writeAudit } from "./write-audit";

type School = Awaited<ReturnType<typeof makeSchool>>;
type Who = "teacher" | "assistant" | "admin" | "deptAdmin" | "otherDeptAdmin" | "student" | "outsider" | "otherTeacher";

let s: School;
const as = (who: Who) => actorOf(s[who]);
const codeOf = (work: Promise<unknown>) => work.then(() => "ok", (error: unknown) => toErrorResult(error).code);
const t = createTranslator({ locale: "zh-CN", messages: { audit: zhMessages }, namespace: "audit" }) as unknown as AuditTranslator;

/** One entry written the way the domain writes them; returns its id. */
async function entry(actor: { id: string } | null, action: AuditAction, target: string, detail: Record<string, string | number | null>, scope: AuditScope = {}, createdAt?: Date) {
  await db.$transaction((tx) => writeAudit(tx, actor, action, target, detail, scope));
  const row = await db.auditLog.findFirstOrThrow({ where: { target, action }, orderBy: { createdAt: "desc" } });
  if (createdAt) await db.auditLog.update({ where: { id: row.id }, data: { createdAt } });
  return row.id;
}

let ids: Record<"grade" | "roster" | "department" | "otherGrade" | "user", string>;
let otherCourse: { id: string };

beforeAll(async () => {
  s = await makeSchool();
  otherCourse = await makeCourse(s.otherDept.id);
  ids = {
    grade: await entry(s.teacher, "homework.grade", "sub-1", { homeworkId: "hw-1", studentId: s.student.id }, { courseId: s.course.id }),
    roster: await entry(s.teacher, "roster.add_student", s.course.id, { userId: s.student2.id }, { courseId: s.course.id }),
    department: await entry(s.admin, "department.rename", s.dept.id, { name: "新名" }, { departmentId: s.dept.id }),
    otherGrade: await entry(s.admin, "points.disable", otherCourse.id, {}, { courseId: otherCourse.id }),
    user: await entry(s.admin, "user.reset_password", s.student.id, { no: s.student.no }),
  };
});

const idsOf = (page: { entries: { id: string }[] }) => page.entries.map((e) => e.id);

describe("who reads what", () => {
  it("administrators read every entry; the department is filled from the course", async () => {
    expect(idsOf(await listAuditLog(as("admin"), {}))).toEqual(expect.arrayContaining(Object.values(ids)));
    expect(await db.auditLog.findUniqueOrThrow({ where: { id: ids.grade } })).toMatchObject({ courseId: s.course.id, departmentId: s.dept.id });
  });

  it("department admins read only their own department's entries", async () => {
    const own = idsOf(await listAuditLog(as("deptAdmin"), {}));
    expect(own).toEqual(expect.arrayContaining([ids.grade, ids.roster, ids.department]));
    expect(own).not.toContain(ids.otherGrade);
    expect(own).not.toContain(ids.user);
    const other = idsOf(await listAuditLog(as("otherDeptAdmin"), {}));
    expect(other).toContain(ids.otherGrade);
    expect(other).not.toContain(ids.grade);
  });

  it("a department admin without a department reads nothing", async () => {
    const homeless = await makeUser("DEPT_ADMIN");
    expect(await listAuditLog(actorOf(homeless), {})).toMatchObject({ entries: [], total: 0 });
  });

  it.each(["teacher", "student", "otherTeacher"] as const)("the admin portal's log refuses a %s", async (who) => {
    expect(await codeOf(listAuditLog(as(who), {}))).toBe("auth.forbidden");
  });

  it.each([
    ["teacher", "ok"],
    ["assistant", "ok"],
    ["admin", "ok"],
    ["deptAdmin", "auth.forbidden"],
    ["student", "auth.forbidden"],
    ["otherTeacher", "not_found"],
    ["otherDeptAdmin", "not_found"],
    ["outsider", "not_found"],
  ] as const)("a course's 变更记录: %s → %s, and only the course's grade changes", async (who, expected) => {
    const work = listCourseAuditLog(as(who), s.course.id, {});
    if (expected !== "ok") return expect(await codeOf(work)).toBe(expected);
    const page = await work;
    expect(idsOf(page)).toEqual([ids.grade]);
    expect(page.actions).toEqual(GRADE_ACTIONS);
  });
});

describe("entries as the viewer shows them", () => {
  it("name and 工号 of the actor, the course, and the detail in words", async () => {
    const [grade] = (await listCourseAuditLog(as("teacher"), s.course.id, {})).entries;
    expect(grade).toMatchObject({ action: "homework.grade", actor: { name: s.teacher.name, no: s.teacher.no }, course: { id: s.course.id, label: `${s.course.code} ${s.course.title}` } });
    expect(detailLines(grade.detail, t)).toEqual([`学生：${s.student.name} (${s.student.no})`, `作业：hw-1`]);
  });

  it("before → after, per-student changes, enum values, times in Shanghai and the scheduler as actor", async () => {
    const course = await makeCourse(s.dept.id, [{ userId: s.teacher.id, role: "TEACHER" }]);
    await db.$transaction((tx) =>
      writeAudit(tx, null, "peer.switch_phase", "act-1", {
        from: { phase: "ASSESSMENT", gradesReleasedAt: "2026-03-01T16:30:00.000Z" },
        to: { phase: "GRADING", gradesReleasedAt: null },
        changes: [{ studentId: s.student.id, from: { grade: null }, to: { grade: 86.5 } }],
        graded: 1,
      }, { courseId: course.id }),
    );
    const [row] = (await listCourseAuditLog(as("teacher"), course.id, {})).entries;
    expect(row).toMatchObject({ actorId: null, actor: null, action: "peer.switch_phase" });
    expect(actionLabel(row.action, t)).toBe("切换互评阶段");
    expect(detailLines(row.detail, t)).toEqual([
      "阶段：互评 → 评分",
      "成绩公布时间：2026-03-02 00:30 → —",
      "已得成绩：1",
      `${s.student.name} (${s.student.no})：互评成绩：— → 86.5`,
    ]);
  });

  it("has a label in every language for every action and group", () => {
    for (const locale of LOCALES) {
      const messages = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../messages", locale, "audit.json"), "utf8"));
      const tr = createTranslator({ locale, messages: { audit: messages }, namespace: "audit" }) as unknown as AuditTranslator;
      expect(AUDIT_ACTIONS.filter((action) => !tr.has(`actions.${action}`)), locale).toEqual([]);
      expect(AUDIT_GROUPS.filter((group) => !tr.has(`groups.${group}`)), locale).toEqual([]);
    }
  });
});

describe("filters and pages", () => {
  let course: { id: string };
  const at = (iso: string) => new Date(iso);
  beforeAll(async () => {
    course = await makeCourse(s.dept.id, [{ userId: s.teacher.id, role: "TEACHER" }, { userId: s.assistant.id, role: "ASSISTANT" }]);
    const scope = { courseId: course.id };
    // Shanghai days: 23:59 on 1 March is 15:59 UTC; midnight of 2 March is 16:00 UTC.
    await entry(s.teacher, "homework.grade", "f-1", {}, scope, at("2026-02-28T16:00:00Z"));
    await entry(s.assistant, "quiz.mark_answer", "f-2", {}, scope, at("2026-03-01T15:59:00Z"));
    await entry(s.teacher, "homework.grade", "f-3", {}, scope, at("2026-03-01T16:00:00Z"));
  });
  const targets = async (input: Record<string, unknown>) =>
    (await listCourseAuditLog(as("teacher"), course.id, input)).entries.map((e) => e.target);

  it("newest first; by action, by actor's 工号 or name (part of it), by Shanghai dates with both days included", async () => {
    expect(await targets({})).toEqual(["f-3", "f-2", "f-1"]);
    expect(await targets({ action: "homework.grade" })).toEqual(["f-3", "f-1"]);
    expect(await targets({ actor: s.assistant.no.slice(-6).toUpperCase() })).toEqual(["f-2"]);
    expect(await targets({ actor: s.teacher.name })).toEqual(["f-3", "f-1"]);
    expect(await targets({ actor: "nobody-like-this" })).toEqual([]);
    expect(await targets({ from: "2026-03-01", to: "2026-03-01" })).toEqual(["f-2", "f-1"]);
    expect(await targets({ from: "2026-03-02" })).toEqual(["f-3"]);
    expect(await targets({ to: "2026-02-28" })).toEqual([]);
    // Empty form fields mean "any".
    expect(await targets({ action: "", actor: " ", from: "", to: "", page: "" })).toEqual(["f-3", "f-2", "f-1"]);
  });

  it("the actor search looks only at the actors of entries the viewer may read", async () => {
    expect(await listAuditLog(as("otherDeptAdmin"), { actor: s.teacher.no })).toMatchObject({ total: 0 });
  });

  it("50 a page, newest first, with the total", async () => {
    const paged = await makeCourse(s.dept.id, [{ userId: s.teacher.id, role: "TEACHER" }]);
    const start = Date.UTC(2026, 4, 1);
    await db.auditLog.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        actorId: s.teacher.id,
        action: "homework.grade",
        target: `p-${String(i).padStart(3, "0")}`,
        courseId: paged.id,
        departmentId: s.dept.id,
        createdAt: new Date(start + i * 60_000),
      })),
    });
    const pages = await Promise.all([1, 2, 3, 4].map((page) => listCourseAuditLog(as("teacher"), paged.id, { page: String(page) })));
    expect(pages.map((p) => [p.entries.length, p.total, p.pageCount, p.page])).toEqual([
      [50, 120, 3, 1],
      [50, 120, 3, 2],
      [20, 120, 3, 3],
      [0, 120, 3, 4],
    ]);
    const all = pages.flatMap((p) => p.entries.map((e) => e.target));
    expect(all).toEqual(Array.from({ length: 120 }, (_, i) => `p-${String(119 - i).padStart(3, "0")}`));
  });

  it.each([
    [{ action: "grades.delete" }, "action"],
    [{ from: "2026-02-30" }, "from"],
    [{ to: "1.3.2026" }, "to"],
    [{ from: "2026-03-02", to: "2026-03-01" }, "to"],
    [{ page: "0" }, "page"],
    [{ page: "zwei" }, "page"],
    [{ actor: "x".repeat(65) }, "actor"],
  ])("refuses %o with a localized validation error on %s", async (input, field) => {
    for (const list of [() => listCourseAuditLog(as("teacher"), course.id, input), () => listAuditLog(as("admin"), input)]) {
      const result = await list().then(() => null, (error: unknown) => toErrorResult(error));
      expect(result).toMatchObject({ code: "validation", fieldErrors: { [field]: [expect.stringMatching(/^validation\./)] } });
    }
  });

  it("a to-date before the from-date has its own message", async () => {
    const result = await listAuditLog(as("admin"), { from: "2026-03-02", to: "2026-03-01" }).then(() => null, toErrorResult);
    expect(result?.fieldErrors).toEqual({ to: ["validation.date_order"] });
  });
});
