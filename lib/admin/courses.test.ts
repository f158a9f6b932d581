import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/action";
import { db } from "@/lib/db";
import { actorOf, makeSchool, makeUser } from "@/tests/factories";
import { assignCourseTeacher } from "./assign-course-teacher";
import { changeCourseTeacherRole } from "./change-course-teacher-role";
import { createCourse } from "./create-course";
import { removeCourseTeacher } from "./remove-course-teacher";
import { AssignCourseTeacherSchema, CreateCourseSchema, SetCourseArchivedSchema, UpdateCourseSchema } from "./schemas";
import { setCourseArchived } from "./set-course-archived";
import { updateCourse } from "./update-course";

const code = () => `M${Math.random().toString(36).slice(2, 10)}`;

describe("createCourse", () => {
  it("creates a course in a department and audits it", async () => {
    const { admin, dept } = await makeSchool();
    const course = await createCourse(actorOf(admin), { code: code(), title: "内科学", titleEn: "Internal Medicine", term: "2026-2027-1", departmentId: dept.id });
    expect(await db.course.findUnique({ where: { id: course.id } })).toMatchObject({ title: "内科学", departmentId: dept.id, archived: false });
    const audit = await db.auditLog.findFirst({ where: { target: course.id } });
    expect(audit).toMatchObject({ actorId: admin.id, action: "course.create" });
  });

  it("refuses a code already used in the same term, allows it in another term", async () => {
    const { admin, dept, course } = await makeSchool();
    const input = { code: course.code, title: "重复", titleEn: null, term: course.term, departmentId: dept.id };
    await expect(createCourse(actorOf(admin), input)).rejects.toMatchObject({ code: "course.code_taken" });
    expect(await db.course.count({ where: { code: course.code } })).toBe(1);
    await createCourse(actorOf(admin), { ...input, term: "2027-2028-2" });
    expect(await db.course.count({ where: { code: course.code } })).toBe(2);
  });

  it("reports an unknown department as not_found", async () => {
    const { admin } = await makeSchool();
    const input = { code: code(), title: "x", titleEn: null, term: "2026-2027-1", departmentId: "nope" };
    await expect(createCourse(actorOf(admin), input)).rejects.toMatchObject({ code: "not_found" });
    expect(await db.course.count({ where: { code: input.code } })).toBe(0);
  });

  it.each([
    ["bad term format", { term: "2026-1" }],
    ["years that do not follow each other", { term: "2026-2028-1" }],
    ["term number 4", { term: "2026-2027-4" }],
    ["code with spaces", { code: "MED 1" }],
    ["oversized title", { title: "课".repeat(201) }],
    ["missing department", { departmentId: "" }],
  ])("rejects %s as validation", async (_label, patch) => {
    const { admin, dept } = await makeSchool();
    const before = await db.course.count();
    const input = { code: code(), title: "课程", term: "2026-2027-1", departmentId: dept.id, ...patch };
    const result = await runAction(CreateCourseSchema, input, (data) => createCourse(actorOf(admin), data));
    expect(result).toMatchObject({ ok: false, code: "validation" });
    expect(await db.course.count()).toBe(before);
  });
});

describe("updateCourse", () => {
  it("edits code, titles, term and department and audits only what changed", async () => {
    const { admin, course, otherDept } = await makeSchool();
    const newCode = code();
    await updateCourse(actorOf(admin), { courseId: course.id, code: newCode, title: course.title, titleEn: "Renamed", term: "2027-2028-1", departmentId: otherDept.id });
    expect(await db.course.findUnique({ where: { id: course.id } })).toMatchObject({ code: newCode, titleEn: "Renamed", term: "2027-2028-1", departmentId: otherDept.id });
    const audit = await db.auditLog.findFirst({ where: { target: course.id, action: "course.update" } });
    expect(audit?.detail).toEqual({
      from: { code: course.code, titleEn: null, term: course.term, departmentId: course.departmentId },
      to: { code: newCode, titleEn: "Renamed", term: "2027-2028-1", departmentId: otherDept.id },
    });
  });

  it("refuses to take the code of another course in the same term", async () => {
    const { admin, dept, course } = await makeSchool();
    const other = await createCourse(actorOf(admin), { code: code(), title: "另一门", titleEn: null, term: course.term, departmentId: dept.id });
    await expect(
      updateCourse(actorOf(admin), { courseId: other.id, code: course.code, title: "另一门", titleEn: null, term: course.term, departmentId: dept.id }),
    ).rejects.toMatchObject({ code: "course.code_taken" });
    expect((await db.course.findUnique({ where: { id: other.id } }))?.code).toBe(other.code);
  });

  it("reports a malformed course id as not_found", async () => {
    const { admin, dept } = await makeSchool();
    const input = { courseId: "'; drop table", code: code(), title: "x", term: "2026-2027-1", departmentId: dept.id };
    const result = await runAction(UpdateCourseSchema, input, (data) => updateCourse(actorOf(admin), data));
    expect(result).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("setCourseArchived", () => {
  it("archives and unarchives, auditing each change once", async () => {
    const { admin, course } = await makeSchool();
    const archive = (archived: unknown) =>
      runAction(SetCourseArchivedSchema, { courseId: course.id, archived }, (data) => setCourseArchived(actorOf(admin), data));
    expect(await archive("true")).toEqual({ ok: true, data: undefined });
    expect((await db.course.findUnique({ where: { id: course.id } }))?.archived).toBe(true);
    await archive("true");
    expect(await db.auditLog.count({ where: { target: course.id, action: "course.archive" } })).toBe(1);
    await archive("false");
    expect((await db.course.findUnique({ where: { id: course.id } }))?.archived).toBe(false);
    expect(await db.auditLog.count({ where: { target: course.id, action: "course.unarchive" } })).toBe(1);
    expect(await archive("maybe")).toMatchObject({ ok: false, code: "validation" });
  });
});

describe("course teachers", () => {
  it("assigns a teacher as assistant, promotes them and removes them, auditing each step", async () => {
    const { admin, course, otherTeacher } = await makeSchool();
    const target = { courseId: course.id, userId: otherTeacher.id };
    await assignCourseTeacher(actorOf(admin), { ...target, role: "ASSISTANT" });
    expect((await db.courseMember.findFirst({ where: target }))?.role).toBe("ASSISTANT");
    await changeCourseTeacherRole(actorOf(admin), { ...target, role: "TEACHER" });
    expect((await db.courseMember.findFirst({ where: target }))?.role).toBe("TEACHER");
    await removeCourseTeacher(actorOf(admin), target);
    expect(await db.courseMember.findFirst({ where: target })).toBeNull();
    const audits = await db.auditLog.findMany({ where: { target: course.id }, select: { action: true, detail: true } });
    expect(audits.map((a) => a.action).sort()).toEqual(["course.assign_teacher", "course.change_teacher_role", "course.remove_teacher"]);
    expect(audits.find((a) => a.action === "course.change_teacher_role")?.detail).toMatchObject({
      userId: otherTeacher.id,
      from: "ASSISTANT",
      to: "TEACHER",
    });
  });

  it("accepts a department admin from another department", async () => {
    const { admin, course, otherDeptAdmin } = await makeSchool();
    await assignCourseTeacher(actorOf(admin), { courseId: course.id, userId: otherDeptAdmin.id, role: "TEACHER" });
    expect(await db.courseMember.count({ where: { courseId: course.id, userId: otherDeptAdmin.id, role: "TEACHER" } })).toBe(1);
  });

  // Documented choice: a student or administrator account is refused with course.not_staff (not validation),
  // so the form can say why; the same for a disabled teacher.
  it.each(["outsider", "admin", "disabledTeacher"] as const)("refuses to assign a %s account with course.not_staff", async (who) => {
    const school = await makeSchool();
    const disabledTeacher = await makeUser("TEACHER", { departmentId: school.dept.id });
    await db.user.update({ where: { id: disabledTeacher.id }, data: { disabled: true } });
    const user = who === "disabledTeacher" ? disabledTeacher : school[who];
    await expect(
      assignCourseTeacher(actorOf(school.admin), { courseId: school.course.id, userId: user.id, role: "TEACHER" }),
    ).rejects.toMatchObject({ code: "course.not_staff" });
    expect(await db.courseMember.count({ where: { courseId: school.course.id, userId: user.id } })).toBe(0);
  });

  it("refuses someone already in the course with conflict", async () => {
    const { admin, course, teacher } = await makeSchool();
    await expect(assignCourseTeacher(actorOf(admin), { courseId: course.id, userId: teacher.id, role: "ASSISTANT" })).rejects.toMatchObject({
      code: "conflict",
    });
    expect((await db.courseMember.findFirst({ where: { courseId: course.id, userId: teacher.id } }))?.role).toBe("TEACHER");
  });

  it("leaves students alone: changing or removing a student membership is not_found", async () => {
    const { admin, course, student } = await makeSchool();
    const target = { courseId: course.id, userId: student.id };
    await expect(changeCourseTeacherRole(actorOf(admin), { ...target, role: "TEACHER" })).rejects.toMatchObject({ code: "not_found" });
    await expect(removeCourseTeacher(actorOf(admin), target)).rejects.toMatchObject({ code: "not_found" });
    expect((await db.courseMember.findFirst({ where: target }))?.role).toBe("STUDENT");
  });

  it("rejects a course role outside teacher/assistant as validation", async () => {
    const { admin, course, otherTeacher } = await makeSchool();
    const result = await runAction(AssignCourseTeacherSchema, { courseId: course.id, userId: otherTeacher.id, role: "STUDENT" }, (data) =>
      assignCourseTeacher(actorOf(admin), data),
    );
    expect(result).toMatchObject({ ok: false, code: "validation" });
    expect(await db.courseMember.count({ where: { courseId: course.id, userId: otherTeacher.id } })).toBe(0);
  });
});

describe("course management is for administrators only", () => {
  it.each(["deptAdmin", "teacher", "assistant", "student"] as const)("%s is forbidden everywhere and nothing changes", async (who) => {
    const school = await makeSchool();
    const actor = actorOf(school[who]);
    const { course, dept, otherTeacher, teacher } = school;
    const forbidden = { code: "auth.forbidden" };
    await expect(createCourse(actor, { code: code(), title: "x", titleEn: null, term: "2026-2027-1", departmentId: dept.id })).rejects.toMatchObject(forbidden);
    await expect(
      updateCourse(actor, { courseId: course.id, code: course.code, title: "改名", titleEn: null, term: course.term, departmentId: dept.id }),
    ).rejects.toMatchObject(forbidden);
    await expect(setCourseArchived(actor, { courseId: course.id, archived: true })).rejects.toMatchObject(forbidden);
    await expect(assignCourseTeacher(actor, { courseId: course.id, userId: otherTeacher.id, role: "TEACHER" })).rejects.toMatchObject(forbidden);
    await expect(changeCourseTeacherRole(actor, { courseId: course.id, userId: teacher.id, role: "ASSISTANT" })).rejects.toMatchObject(forbidden);
    await expect(removeCourseTeacher(actor, { courseId: course.id, userId: teacher.id })).rejects.toMatchObject(forbidden);
    expect(await db.course.findUnique({ where: { id: course.id } })).toMatchObject({ title: course.title, archived: false });
    expect(await db.courseMember.count({ where: { courseId: course.id, role: { in: ["TEACHER", "ASSISTANT"] } } })).toBe(2);
    expect(await db.auditLog.count({ where: { target: course.id } })).toBe(0);
  });
});
