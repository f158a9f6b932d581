import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { actorOf, makeCourse, makeSchool } from "@/tests/factories";
import { toErrorResult } from "@/lib/errors";
import { AUDIT_EXPORT_LIMIT, exportCourseAuditLog } from "./export-audit";
import { writeAudit } from "./write-audit";

// The route handlers as the browser meets them; only the session is stubbed.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", async () => {
  const { AppError } = await import("@/lib/errors");
  return {
    requireActor: async () => {
      if (!session.actor) throw new AppError("auth.unauthenticated");
      return session.actor;
    },
  };
});
const adminRoute = await import("@/app/admin/audit/export/route");
const courseRoute = await import("@/app/teacher/courses/[courseId]/audit/export/route");

let s: Awaited<ReturnType<typeof makeSchool>>;
beforeAll(async () => {
  s = await makeSchool();
  await db.$transaction((tx) =>
    writeAudit(tx, s.teacher, "homework.grade", "sub-export", {
      studentId: s.student.id,
      from: { rawScore: null, deduction: null, score: null },
      to: { rawScore: 88, deduction: 0, score: 88 },
    }, { courseId: s.course.id }),
  );
  await db.$transaction((tx) => writeAudit(tx, s.admin, "user.reset_password", s.student.id, { no: s.student.no }));
});

const getAdmin = (query: string) => adminRoute.GET(new Request(`http://localhost/admin/audit/export?${query}`));
const getCourse = (courseId: string, query: string) =>
  courseRoute.GET(new Request(`http://localhost/teacher/courses/${courseId}/audit/export?${query}`), { params: Promise.resolve({ courseId }) });

describe("audit log export", () => {
  it("downloads the administrator's filtered log as an Excel file with Chinese headers and readable details", async () => {
    session.actor = actorOf(s.admin);
    const response = await getAdmin("format=xlsx&action=homework.grade&page=3");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-log\.xlsx"; filename\*=UTF-8''/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, "时间", "操作人", "工号", "操作", "课程", "对象 ID", "详情"]);
    // Every matching entry, whatever page the viewer was on.
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      s.teacher.name,
      s.teacher.no,
      "作业评分",
      `${s.course.code} ${s.course.title}`,
      "sub-export",
      `原始分：— → 88；迟交扣分：— → 0；得分：— → 88；学生：${s.student.name} (${s.student.no})`,
    ]);
  });

  it("downloads a course's 变更记录 as CSV with a BOM, for its teacher", async () => {
    session.actor = actorOf(s.teacher);
    const response = await getCourse(s.course.id, "format=csv");
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("作业评分");
    expect(text).not.toContain("重置密码");
  });

  it.each([
    ["a teacher, the admin portal's log", "teacher", "admin", "format=csv", 403, "auth.forbidden"],
    ["a student, the course's log", "student", "course", "format=csv", 403, "auth.forbidden"],
    ["another department's admin, the course's log", "otherDeptAdmin", "course", "format=csv", 404, "not_found"],
    ["another teacher, the course's log", "otherTeacher", "course", "format=csv", 404, "not_found"],
    ["an unknown format", "admin", "admin", "format=pdf", 400, "validation"],
    ["a date that does not exist", "admin", "admin", "format=csv&from=2026-02-30", 400, "validation"],
  ] as const)("refuses %s", async (_name, who, route, query, status, code) => {
    session.actor = actorOf(s[who]);
    const response = route === "admin" ? await getAdmin(query) : await getCourse(s.course.id, query);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ ok: false, code });
  });

  it("refuses more rows than a sheet should hold, and says how many; a narrower filter passes", async () => {
    const big = await makeCourse(s.dept.id, [{ userId: s.teacher.id, role: "TEACHER" }]);
    await db.auditLog.createMany({
      data: Array.from({ length: 4 }, (_, i) => ({ actorId: s.teacher.id, action: "quiz.mark_answer", target: `m-${i}`, courseId: big.id, departmentId: s.dept.id })),
    });
    const teacher = actorOf(s.teacher);
    const refused = await exportCourseAuditLog(teacher, big.id, {}, "csv", { limit: 3 }).then(() => null, toErrorResult);
    expect(refused).toMatchObject({ code: "audit.too_many_rows", details: { limit: 3 } });
    const file = await exportCourseAuditLog(teacher, big.id, { action: "quiz.mark_answer", actor: "nobody-like-this" }, "csv", { limit: 3 });
    expect(new TextDecoder().decode(file.body).trim().split("\r\n")).toHaveLength(1);
    expect(AUDIT_EXPORT_LIMIT).toBe(10_000);
  });
});
