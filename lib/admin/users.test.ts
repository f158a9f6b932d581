import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/action";
import { loadActor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { actorOf, makeSchool, makeUser } from "@/tests/factories";
import { createUser } from "./create-user";
import { resetUserPassword } from "./reset-user-password";
import { CreateUserSchema, SetUserDisabledSchema, UpdateUserSchema } from "./schemas";
import { setUserDisabled } from "./set-user-disabled";
import { updateUser } from "./update-user";

const no = () => `T${Math.random().toString(36).slice(2, 10)}`;

describe("createUser", () => {
  it("creates an account whose temporary password verifies and must be changed", async () => {
    const { admin, dept } = await makeSchool();
    const input = { no: no(), name: "陈医生", role: "TEACHER" as const, departmentId: dept.id, email: "chen@example.edu.cn" };
    const { user, temporaryPassword } = await createUser(actorOf(admin), input);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored).toMatchObject({ no: input.no, name: "陈医生", role: "TEACHER", departmentId: dept.id, email: input.email, mustChangePassword: true, disabled: false });
    expect(stored.passwordHash).not.toContain(temporaryPassword);
    expect(await verifyPassword(stored.passwordHash, temporaryPassword)).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { target: user.id, action: "user.create" } });
    expect(audit.actorId).toBe(admin.id);
    expect(JSON.stringify(audit.detail)).not.toContain(temporaryPassword);
    expect(JSON.stringify(audit.detail)).not.toContain(stored.passwordHash);
  });

  it("creates a student without a department", async () => {
    const { admin } = await makeSchool();
    const result = await runAction(CreateUserSchema, { no: no(), name: "学生甲", role: "STUDENT", departmentId: "", email: "" }, (data) =>
      createUser(actorOf(admin), data),
    );
    expect(result.ok).toBe(true);
  });

  it("refuses a 学号 that is taken", async () => {
    const { admin, student } = await makeSchool();
    await expect(createUser(actorOf(admin), { no: student.no, name: "重复", role: "STUDENT", departmentId: null, email: null })).rejects.toMatchObject({
      code: "user.no_taken",
    });
    expect(await db.user.count({ where: { no: student.no } })).toBe(1);
  });

  it.each([
    ["a short 学号", { no: "abc" }, "no"],
    ["an oversized 学号", { no: "a".repeat(33) }, "no"],
    ["a 学号 with spaces", { no: "ab cd" }, "no"],
    ["a 学号 with Chinese characters", { no: "学号1234" }, "no"],
    ["an unknown role", { role: "ROOT" }, "role"],
    ["a teacher without department", { role: "TEACHER", departmentId: "" }, "departmentId"],
    ["a department admin without department", { role: "DEPT_ADMIN", departmentId: undefined }, "departmentId"],
    ["a malformed email", { email: "not-an-email" }, "email"],
    ["an oversized name", { name: "名".repeat(65) }, "name"],
  ])("rejects %s as validation on the field", async (_label, patch, field) => {
    const { admin, dept } = await makeSchool();
    const before = await db.user.count();
    const input = { no: no(), name: "新用户", role: "STUDENT", departmentId: dept.id, email: "", ...patch };
    const result = await runAction(CreateUserSchema, input, (data) => createUser(actorOf(admin), data));
    expect(result).toMatchObject({ ok: false, code: "validation" });
    expect(result.ok ? {} : result.fieldErrors).toHaveProperty(field);
    expect(await db.user.count()).toBe(before);
  });

  it("reports an unknown department as not_found", async () => {
    const { admin } = await makeSchool();
    const input = { no: no(), name: "x", role: "TEACHER" as const, departmentId: "nope", email: null };
    await expect(createUser(actorOf(admin), input)).rejects.toMatchObject({ code: "not_found" });
    expect(await db.user.count({ where: { no: input.no } })).toBe(0);
  });
});

describe("setUserDisabled", () => {
  it("disabling ends the user's sessions at once; enabling lets them sign in again", async () => {
    const { admin, teacher } = await makeSchool();
    expect(await loadActor(teacher.id, teacher.sessionVersion)).not.toBeNull();
    await setUserDisabled(actorOf(admin), { userId: teacher.id, disabled: true });
    const disabled = await db.user.findUniqueOrThrow({ where: { id: teacher.id } });
    expect(disabled).toMatchObject({ disabled: true, sessionVersion: teacher.sessionVersion + 1 });
    expect(await loadActor(teacher.id, teacher.sessionVersion)).toBeNull();
    expect(await loadActor(teacher.id, disabled.sessionVersion)).toBeNull();

    await setUserDisabled(actorOf(admin), { userId: teacher.id, disabled: false });
    const enabled = await db.user.findUniqueOrThrow({ where: { id: teacher.id } });
    expect(enabled.disabled).toBe(false);
    // The old session stays ended; a new sign-in carries the current version.
    expect(await loadActor(teacher.id, teacher.sessionVersion)).toBeNull();
    expect(await loadActor(teacher.id, enabled.sessionVersion)).not.toBeNull();
    const actions = await db.auditLog.findMany({ where: { target: teacher.id }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual(["user.disable", "user.enable"]);
  });

  it("refuses to let an admin disable themselves", async () => {
    const { admin } = await makeSchool();
    await expect(setUserDisabled(actorOf(admin), { userId: admin.id, disabled: true })).rejects.toMatchObject({ code: "user.self_action" });
    expect(await loadActor(admin.id, admin.sessionVersion)).not.toBeNull();
  });

  it("takes the flag from a form field and rejects anything else", async () => {
    const { admin, student } = await makeSchool();
    const run = (disabled: unknown) =>
      runAction(SetUserDisabledSchema, { userId: student.id, disabled }, (data) => setUserDisabled(actorOf(admin), data));
    expect(await run("yes")).toMatchObject({ ok: false, code: "validation" });
    expect((await db.user.findUniqueOrThrow({ where: { id: student.id } })).disabled).toBe(false);
    expect(await run("true")).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: student.id } })).disabled).toBe(true);
  });
});

describe("resetUserPassword", () => {
  it("sets a new temporary password, ends sessions and requires a change", async () => {
    const { admin, student } = await makeSchool();
    const { temporaryPassword } = await resetUserPassword(actorOf(admin), { userId: student.id });
    const stored = await db.user.findUniqueOrThrow({ where: { id: student.id } });
    expect(stored).toMatchObject({ mustChangePassword: true, sessionVersion: student.sessionVersion + 1 });
    expect(await verifyPassword(stored.passwordHash, temporaryPassword)).toBe(true);
    expect(await loadActor(student.id, student.sessionVersion)).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { target: student.id, action: "user.reset_password" } });
    expect(JSON.stringify(audit.detail)).not.toContain(temporaryPassword);
  });

  it("refuses the admin's own account (they use the change-password page) and unknown users", async () => {
    const { admin } = await makeSchool();
    await expect(resetUserPassword(actorOf(admin), { userId: admin.id })).rejects.toMatchObject({ code: "user.self_action" });
    await expect(resetUserPassword(actorOf(admin), { userId: "nope" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("updateUser", () => {
  it("changes role and department and audits before and after", async () => {
    const { admin, teacher, dept, otherDept } = await makeSchool();
    await updateUser(actorOf(admin), { userId: teacher.id, role: "DEPT_ADMIN", departmentId: otherDept.id });
    expect(await db.user.findUniqueOrThrow({ where: { id: teacher.id } })).toMatchObject({ role: "DEPT_ADMIN", departmentId: otherDept.id });
    expect(await loadActor(teacher.id, teacher.sessionVersion)).toMatchObject({ role: "DEPT_ADMIN" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { target: teacher.id, action: "user.update" } });
    expect(audit.detail).toEqual({ from: { role: "TEACHER", departmentId: dept.id }, to: { role: "DEPT_ADMIN", departmentId: otherDept.id } });
  });

  it("refuses an admin changing their own role, and a teacher without department", async () => {
    const { admin, teacher } = await makeSchool();
    await expect(updateUser(actorOf(admin), { userId: admin.id, role: "TEACHER", departmentId: teacher.departmentId })).rejects.toMatchObject({
      code: "user.self_action",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
    const result = await runAction(UpdateUserSchema, { userId: teacher.id, role: "TEACHER", departmentId: "" }, (data) => updateUser(actorOf(admin), data));
    expect(result).toMatchObject({ ok: false, code: "validation", fieldErrors: { departmentId: ["validation.required"] } });
    expect((await db.user.findUniqueOrThrow({ where: { id: teacher.id } })).departmentId).toBe(teacher.departmentId);
  });
});

describe("user management is for administrators only", () => {
  it.each(["deptAdmin", "teacher", "student"] as const)("%s is forbidden everywhere and nothing changes", async (who) => {
    const school = await makeSchool();
    const actor = actorOf(school[who]);
    const victim = await makeUser("TEACHER", { departmentId: school.dept.id });
    const forbidden = { code: "auth.forbidden" };
    await expect(createUser(actor, { no: no(), name: "x", role: "ADMIN", departmentId: null, email: null })).rejects.toMatchObject(forbidden);
    await expect(setUserDisabled(actor, { userId: victim.id, disabled: true })).rejects.toMatchObject(forbidden);
    await expect(resetUserPassword(actor, { userId: victim.id })).rejects.toMatchObject(forbidden);
    await expect(updateUser(actor, { userId: victim.id, role: "ADMIN", departmentId: null })).rejects.toMatchObject(forbidden);
    // Not even on themselves: promoting oneself is the first thing to refuse.
    await expect(updateUser(actor, { userId: actor.id, role: "ADMIN", departmentId: null })).rejects.toMatchObject(forbidden);
    expect(await db.user.findUniqueOrThrow({ where: { id: victim.id } })).toMatchObject({ role: "TEACHER", disabled: false, sessionVersion: 0, passwordHash: victim.passwordHash });
    expect(await db.auditLog.count({ where: { actorId: actor.id } })).toBe(0);
  });
});
