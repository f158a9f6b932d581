import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { actorOf, makeCourse, makeSchool, makeUser } from "@/tests/factories";
import { addStudent } from "./add-student";
import { createGroup } from "./create-group";
import { deleteGroup } from "./delete-group";
import { listRoster } from "./queries";
import { removeStudent } from "./remove-student";
import { renameGroup } from "./rename-group";
import { setStudentClass } from "./set-student-class";
import { setStudentGroup } from "./set-student-group";
import { getRosterTemplate } from "./template";

const uniqueNo = () => `N${Math.random().toString(36).slice(2, 12)}`;

const membershipOf = (courseId: string, userId: string) =>
  db.courseMember.findUnique({ where: { courseId_userId: { courseId, userId } }, select: { role: true, groupId: true } });

describe("listRoster", () => {
  it("lists the students with class and group, sorted by 学号, without teachers", async () => {
    const { teacher, course, student, student2 } = await makeSchool();
    const group = await createGroup(actorOf(teacher), { courseId: course.id, name: "第一组" });
    await setStudentGroup(actorOf(teacher), { courseId: course.id, userId: student.id, groupId: group.id });
    await setStudentClass(actorOf(teacher), { courseId: course.id, userId: student2.id, className: `班${uniqueNo()}` });

    const roster = await listRoster(actorOf(teacher), course.id);
    expect(roster.canManage).toBe(true);
    expect(roster.students.map((s) => s.no)).toEqual([student.no, student2.no].sort());
    expect(roster.students.find((s) => s.userId === student.id)).toMatchObject({ group: { id: group.id, name: "第一组" }, className: null });
    expect(roster.students.find((s) => s.userId === student2.id)?.className).toMatch(/^班/);
    expect(roster.groups).toEqual([{ id: group.id, name: "第一组", memberCount: 1 }]);
    expect(roster.classNames.length).toBeGreaterThan(0);
  });

  it.each([
    ["teacher", true],
    ["assistant", true],
    ["admin", true],
    ["deptAdmin", false],
    ["otherDeptAdmin", "not_found"],
    ["otherTeacher", "not_found"],
    ["student", "auth.forbidden"],
    ["outsider", "not_found"],
  ] as const)("%s → %s", async (who, expected) => {
    const school = await makeSchool();
    const run = listRoster(actorOf(school[who]), school.course.id);
    if (typeof expected === "boolean") {
      const roster = await run;
      expect(roster.canManage).toBe(expected);
      // Read-only viewers get no class suggestions: they cannot set classes.
      if (!expected) expect(roster.classNames).toEqual([]);
    } else {
      await expect(run).rejects.toMatchObject({ code: expected });
    }
  });
});

describe("addStudent / removeStudent", () => {
  it("adds an existing student by 学号 into a group and removes only the membership", async () => {
    const { teacher, course } = await makeSchool();
    const user = await makeUser("STUDENT", { no: uniqueNo() });
    const group = await createGroup(actorOf(teacher), { courseId: course.id, name: "A" });
    await addStudent(actorOf(teacher), { courseId: course.id, no: user.no, groupId: group.id });
    expect(await membershipOf(course.id, user.id)).toEqual({ role: "STUDENT", groupId: group.id });

    await removeStudent(actorOf(teacher), { courseId: course.id, userId: user.id });
    expect(await membershipOf(course.id, user.id)).toBeNull();
    expect(await db.user.findUnique({ where: { id: user.id } })).not.toBeNull();
    expect(await db.group.findUnique({ where: { id: group.id } })).not.toBeNull();
  });

  it.each([
    ["an unknown 学号", async () => uniqueNo(), "roster.no_such_student"],
    ["a teacher's 工号", async () => (await makeUser("TEACHER", { no: uniqueNo() })).no, "roster.not_student"],
  ] as const)("refuses %s", async (_label, noOf, code) => {
    const { teacher, course } = await makeSchool();
    const before = await db.courseMember.count({ where: { courseId: course.id } });
    await expect(addStudent(actorOf(teacher), { courseId: course.id, no: await noOf(), groupId: null })).rejects.toMatchObject({ code });
    expect(await db.courseMember.count({ where: { courseId: course.id } })).toBe(before);
  });

  it("refuses a student who is already on the roster and a group of another course", async () => {
    const { teacher, course, student, dept } = await makeSchool();
    await expect(addStudent(actorOf(teacher), { courseId: course.id, no: student.no, groupId: null })).rejects.toMatchObject({
      code: "roster.already_member",
    });
    const other = await makeCourse(dept.id, [{ userId: teacher.id, role: "TEACHER" }]);
    const foreignGroup = await createGroup(actorOf(teacher), { courseId: other.id, name: "外组" });
    const user = await makeUser("STUDENT", { no: uniqueNo() });
    await expect(addStudent(actorOf(teacher), { courseId: course.id, no: user.no, groupId: foreignGroup.id })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await membershipOf(course.id, user.id)).toBeNull();
  });

  it("does not remove teachers or non-members through the roster", async () => {
    const { teacher, assistant, outsider, course } = await makeSchool();
    await expect(removeStudent(actorOf(teacher), { courseId: course.id, userId: assistant.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(removeStudent(actorOf(teacher), { courseId: course.id, userId: outsider.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await membershipOf(course.id, assistant.id)).toMatchObject({ role: "ASSISTANT" });
  });
});

describe("groups", () => {
  it("creates, renames and deletes a group; its members stay ungrouped", async () => {
    const { teacher, course, student } = await makeSchool();
    const actor = actorOf(teacher);
    const { id } = await createGroup(actor, { courseId: course.id, name: "第一组" });
    await setStudentGroup(actor, { courseId: course.id, userId: student.id, groupId: id });
    await renameGroup(actor, { courseId: course.id, groupId: id, name: "甲组" });
    expect(await db.group.findUnique({ where: { id } })).toMatchObject({ name: "甲组" });

    await deleteGroup(actor, { courseId: course.id, groupId: id });
    expect(await db.group.findUnique({ where: { id } })).toBeNull();
    expect(await membershipOf(course.id, student.id)).toEqual({ role: "STUDENT", groupId: null });
  });

  it("refuses duplicate names within a course but allows them across courses", async () => {
    const { teacher, course, dept } = await makeSchool();
    const actor = actorOf(teacher);
    await createGroup(actor, { courseId: course.id, name: "A" });
    const b = await createGroup(actor, { courseId: course.id, name: "B" });
    await expect(createGroup(actor, { courseId: course.id, name: "A" })).rejects.toMatchObject({ code: "roster.group_exists" });
    await expect(renameGroup(actor, { courseId: course.id, groupId: b.id, name: "A" })).rejects.toMatchObject({ code: "roster.group_exists" });
    const other = await makeCourse(dept.id, [{ userId: teacher.id, role: "TEACHER" }]);
    await expect(createGroup(actor, { courseId: other.id, name: "A" })).resolves.toHaveProperty("id");
  });

  it("treats a group of another course as not found", async () => {
    const { teacher, course, student, dept } = await makeSchool();
    const other = await makeCourse(dept.id, [{ userId: teacher.id, role: "TEACHER" }]);
    const foreign = await createGroup(actorOf(teacher), { courseId: other.id, name: "外组" });
    const actor = actorOf(teacher);
    await expect(renameGroup(actor, { courseId: course.id, groupId: foreign.id, name: "x" })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteGroup(actor, { courseId: course.id, groupId: foreign.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(setStudentGroup(actor, { courseId: course.id, userId: student.id, groupId: foreign.id })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await db.group.findUnique({ where: { id: foreign.id } })).toMatchObject({ name: "外组" });
  });
});

describe("setStudentClass", () => {
  it("creates the class on first use, reuses it, and clears it with an empty name", async () => {
    const { teacher, course, student, student2 } = await makeSchool();
    const name = `2023级临床医学${uniqueNo()}班`;
    const first = await setStudentClass(actorOf(teacher), { courseId: course.id, userId: student.id, className: name });
    const second = await setStudentClass(actorOf(teacher), { courseId: course.id, userId: student2.id, className: name });
    expect(second.classId).toBe(first.classId);
    expect(await db.class.count({ where: { name } })).toBe(1);

    await setStudentClass(actorOf(teacher), { courseId: course.id, userId: student.id, className: "" });
    expect(await db.user.findUnique({ where: { id: student.id }, select: { classId: true } })).toEqual({ classId: null });
  });

  it("only changes students on this course's roster", async () => {
    const { teacher, course, outsider, assistant } = await makeSchool();
    for (const user of [outsider, assistant]) {
      await expect(setStudentClass(actorOf(teacher), { courseId: course.id, userId: user.id, className: "某班" })).rejects.toMatchObject({
        code: "not_found",
      });
    }
  });
});

describe("authorization of roster changes", () => {
  type Who = "teacher" | "assistant" | "admin" | "deptAdmin" | "otherDeptAdmin" | "otherTeacher" | "student" | "outsider";
  const matrix: [Who, "ok" | "auth.forbidden" | "not_found"][] = [
    ["teacher", "ok"],
    ["assistant", "ok"],
    ["admin", "ok"],
    ["deptAdmin", "auth.forbidden"],
    ["otherDeptAdmin", "not_found"],
    ["otherTeacher", "not_found"],
    ["student", "auth.forbidden"],
    ["outsider", "not_found"],
  ];

  const verbs: [string, (actor: Actor, s: Awaited<ReturnType<typeof setup>>) => Promise<unknown>][] = [
    ["addStudent", (a, s) => addStudent(a, { courseId: s.course.id, no: s.newcomer.no, groupId: null })],
    ["removeStudent", (a, s) => removeStudent(a, { courseId: s.course.id, userId: s.student2.id })],
    ["setStudentGroup", (a, s) => setStudentGroup(a, { courseId: s.course.id, userId: s.student2.id, groupId: s.group.id })],
    ["setStudentClass", (a, s) => setStudentClass(a, { courseId: s.course.id, userId: s.student2.id, className: "新班" })],
    ["createGroup", (a, s) => createGroup(a, { courseId: s.course.id, name: "新组" })],
    ["renameGroup", (a, s) => renameGroup(a, { courseId: s.course.id, groupId: s.group.id, name: "新名" })],
    ["deleteGroup", (a, s) => deleteGroup(a, { courseId: s.course.id, groupId: s.group.id })],
    ["getRosterTemplate", (a, s) => getRosterTemplate(a, s.course.id, "csv")],
  ];

  async function setup() {
    const school = await makeSchool();
    const group = await db.group.create({ data: { courseId: school.course.id, name: "组" } });
    const newcomer = await makeUser("STUDENT", { no: uniqueNo() });
    return { ...school, group, newcomer };
  }

  const state = async (courseId: string) => ({
    members: await db.courseMember.findMany({ where: { courseId }, select: { userId: true, groupId: true }, orderBy: { userId: "asc" } }),
    groups: await db.group.findMany({ where: { courseId }, select: { id: true, name: true }, orderBy: { id: "asc" } }),
    classes: await db.class.count(),
  });

  describe.each(verbs)("%s", (_verb, run) => {
    it.each(matrix)("%s → %s", async (who, expected) => {
      const s = await setup();
      const before = await state(s.course.id);
      if (expected === "ok") {
        await expect(run(actorOf(s[who]), s)).resolves.not.toThrow();
      } else {
        await expect(run(actorOf(s[who]), s)).rejects.toMatchObject({ code: expected });
        expect(await state(s.course.id)).toEqual(before);
      }
    });
  });
});
