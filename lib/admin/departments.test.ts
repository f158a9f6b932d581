import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/action";
import { db } from "@/lib/db";
import { actorOf, makeCourse, makeDepartment, makeSchool, makeUser } from "@/tests/factories";
import { createDepartment } from "./create-department";
import { deleteDepartment } from "./delete-department";
import { renameDepartment } from "./rename-department";
import { CreateDepartmentSchema, RenameDepartmentSchema } from "./schemas";

const code = () => `K${Math.random().toString(36).slice(2, 10)}`;

describe("createDepartment", () => {
  it("creates a department and audits it", async () => {
    const { admin } = await makeSchool();
    const dept = await createDepartment(actorOf(admin), { code: code(), name: "儿科学教研室", nameEn: "Pediatrics" });
    expect(await db.department.findUnique({ where: { id: dept.id } })).toMatchObject({ name: "儿科学教研室", nameEn: "Pediatrics" });
    const audit = await db.auditLog.findFirst({ where: { target: dept.id } });
    expect(audit).toMatchObject({ actorId: admin.id, action: "department.create" });
  });

  it("refuses a code that is taken", async () => {
    const { admin, dept } = await makeSchool();
    await expect(createDepartment(actorOf(admin), { code: dept.code, name: "重复", nameEn: null })).rejects.toMatchObject({
      code: "department.code_taken",
    });
    expect(await db.department.count({ where: { code: dept.code } })).toBe(1);
  });

  it.each([
    ["empty code", { code: "", name: "x" }],
    ["code with spaces", { code: "A B", name: "x" }],
    ["oversized code", { code: "A".repeat(33), name: "x" }],
    ["empty name", { code: "OK1", name: "  " }],
    ["oversized name", { code: "OK2", name: "名".repeat(101) }],
  ])("rejects %s as validation", async (_label, input) => {
    const { admin } = await makeSchool();
    const before = await db.department.count();
    const result = await runAction(CreateDepartmentSchema, input, (data) => createDepartment(actorOf(admin), data));
    expect(result).toMatchObject({ ok: false, code: "validation" });
    expect(await db.department.count()).toBe(before);
  });
});

describe("renameDepartment", () => {
  it("renames and records before and after", async () => {
    const { admin, dept } = await makeSchool();
    await renameDepartment(actorOf(admin), { departmentId: dept.id, name: "新名称", nameEn: "New name" });
    expect(await db.department.findUnique({ where: { id: dept.id } })).toMatchObject({ name: "新名称", nameEn: "New name", code: dept.code });
    const audit = await db.auditLog.findFirst({ where: { target: dept.id, action: "department.rename" } });
    expect(audit?.detail).toMatchObject({ from: { name: dept.name }, to: { name: "新名称" } });
  });

  it("reports an unknown or malformed id as not_found", async () => {
    const { admin } = await makeSchool();
    for (const departmentId of ["cl0000000000000000000000", "../../etc", "x"]) {
      const result = await runAction(RenameDepartmentSchema, { departmentId, name: "x" }, (data) => renameDepartment(actorOf(admin), data));
      expect(result).toMatchObject({ ok: false, code: "not_found" });
    }
  });
});

describe("deleteDepartment", () => {
  it("deletes an empty department; its teachers lose the link", async () => {
    const { admin } = await makeSchool();
    const dept = await makeDepartment();
    const teacher = await makeUser("TEACHER", { departmentId: dept.id });
    await deleteDepartment(actorOf(admin), { departmentId: dept.id });
    expect(await db.department.findUnique({ where: { id: dept.id } })).toBeNull();
    expect((await db.user.findUnique({ where: { id: teacher.id } }))?.departmentId).toBeNull();
    expect(await db.auditLog.count({ where: { target: dept.id, action: "department.delete" } })).toBe(1);
  });

  it("refuses while the department has courses, archived ones included", async () => {
    const { admin } = await makeSchool();
    const dept = await makeDepartment();
    const course = await makeCourse(dept.id);
    await db.course.update({ where: { id: course.id }, data: { archived: true } });
    await expect(deleteDepartment(actorOf(admin), { departmentId: dept.id })).rejects.toMatchObject({ code: "department.not_empty" });
    expect(await db.department.findUnique({ where: { id: dept.id } })).not.toBeNull();
    expect(await db.auditLog.count({ where: { target: dept.id } })).toBe(0);
  });

  it("reports an unknown department as not_found", async () => {
    const { admin } = await makeSchool();
    await expect(deleteDepartment(actorOf(admin), { departmentId: "nope" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("department management is for administrators only", () => {
  it.each(["deptAdmin", "teacher", "student"] as const)("%s is forbidden everywhere and nothing changes", async (who) => {
    const school = await makeSchool();
    const actor = actorOf(school[who]);
    const empty = await makeDepartment();
    await expect(createDepartment(actor, { code: code(), name: "x", nameEn: null })).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(renameDepartment(actor, { departmentId: school.dept.id, name: "x", nameEn: null })).rejects.toMatchObject({
      code: "auth.forbidden",
    });
    await expect(deleteDepartment(actor, { departmentId: empty.id })).rejects.toMatchObject({ code: "auth.forbidden" });
    expect(await db.department.findUnique({ where: { id: school.dept.id } })).toMatchObject({ name: school.dept.name });
    expect(await db.department.findUnique({ where: { id: empty.id } })).not.toBeNull();
  });
});
