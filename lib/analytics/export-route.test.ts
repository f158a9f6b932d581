import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/authz";
import { actorOf } from "@/tests/factories";
import { makeAnalyticsSchool } from "./test-fixtures";

// The route handler as the browser meets it; only the session is stubbed.
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
const { GET } = await import("@/app/api/analytics/export/[table]/route");

let s: Awaited<ReturnType<typeof makeAnalyticsSchool>>;
beforeAll(async () => {
  s = await makeAnalyticsSchool();
});

const get = (table: string, query: string) =>
  GET(new Request(`http://localhost/api/analytics/export/${table}?${query}`), { params: Promise.resolve({ table }) });

describe("GET /api/analytics/export/[table]", () => {
  it("downloads the department's course table as an Excel file the department admin can open", async () => {
    session.actor = actorOf(s.deptAdmin);
    const response = await get("department-courses", "format=xlsx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="analytics-department-courses\.xlsx"; filename\*=UTF-8''/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(["教研室", "课程代码", "课程", "课前完成率", "测验平均分", "微信绑定率"]));
    expect(sheet.getCell("B2").value).toBe(s.course.code);
    expect(sheet.rowCount).toBe(2);
  });

  it("downloads CSV with a BOM", async () => {
    session.actor = actorOf(s.teacher);
    const response = await get("course-lessons", `format=csv&courseId=${s.course.id}`);
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain("第1讲");
  });

  it.each(["student-courses", "student-timeline"])("lets a student download their own %s (the export links of 我的学习)", async (table) => {
    session.actor = actorOf(s.student);
    const response = await get(table, `format=csv&studentId=${s.student.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="analytics-${table}\\.csv"`));
    expect(new TextDecoder().decode(await response.arrayBuffer())).toContain(s.course.title);
  });

  it.each([
    ["a teacher, department table", "teacher", "department-courses", "format=csv", 403, "auth.forbidden"],
    ["another department's admin, this course", "otherDeptAdmin", "course-lessons", "format=csv&courseId=COURSE", 404, "not_found"],
    ["a student, the course's lessons", "student", "course-lessons", "format=csv&courseId=COURSE", 403, "auth.forbidden"],
    ["another student's drill-down", "student2", "student-timeline", "format=csv&studentId=STUDENT", 404, "not_found"],
    ["another student's course table", "student2", "student-courses", "format=xlsx&studentId=STUDENT", 404, "not_found"],
    ["a student's table naming no student", "student", "student-timeline", "format=csv", 404, "not_found"],
    ["an unknown table", "admin", "users", "format=csv", 400, "analytics.unknown_table"],
    ["an unknown format", "admin", "department-courses", "format=pdf", 400, "validation"],
  ] as const)("refuses %s", async (_name, who, table, query, status, code) => {
    session.actor = actorOf(s[who]);
    const response = await get(table, query.replace("COURSE", s.course.id).replace("STUDENT", s.student.id));
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ ok: false, code });
  });

  it("refuses without a session", async () => {
    session.actor = null;
    expect((await get("department-courses", "format=csv")).status).toBe(401);
  });
});
