import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf, makeCourse, makeSchool, makeUser } from "@/tests/factories";
import {
  getAdminCourse,
  getAdminOverview,
  getUser,
  listAdminCourses,
  listCourseTerms,
  listDepartments,
  listStaffCandidates,
  listTeachers,
  listUsers,
} from "./queries";
import { CourseListFilterSchema, USERS_PER_PAGE, UserListFilterSchema } from "./schemas";

const allCourses = CourseListFilterSchema.parse({ status: "all" });
const firstPage = UserListFilterSchema.parse({});

describe("department admin read scope", () => {
  it("lists only the own department's courses, with teachers and student counts", async () => {
    const { deptAdmin, course, otherDept, teacher, assistant } = await makeSchool();
    const foreign = await makeCourse(otherDept.id);
    const courses = await listAdminCourses(actorOf(deptAdmin), allCourses);
    const ids = courses.map((c) => c.id);
    expect(ids).toContain(course.id);
    expect(ids).not.toContain(foreign.id);
    expect(courses.every((c) => c.department.id === deptAdmin.departmentId)).toBe(true);
    const mine = courses.find((c) => c.id === course.id)!;
    expect(mine._count.members).toBe(2);
    expect(mine.members.map((m) => m.user.id).sort()).toEqual([teacher.id, assistant.id].sort());
    // Asking for another department by filter yields nothing rather than widening the scope.
    expect(await listAdminCourses(actorOf(deptAdmin), { ...allCourses, departmentId: otherDept.id })).toEqual([]);
  });

  it("does not list a foreign course the department admin happens to teach", async () => {
    const { deptAdmin, otherDept } = await makeSchool();
    const taught = await makeCourse(otherDept.id, [{ userId: deptAdmin.id, role: "TEACHER" }]);
    const ids = (await listAdminCourses(actorOf(deptAdmin), allCourses)).map((c) => c.id);
    expect(ids).not.toContain(taught.id);
  });

  it("reads the own department's roster: teachers and students with class and group", async () => {
    const { deptAdmin, course, student, teacher } = await makeSchool();
    const cls = await db.class.create({ data: { name: `2023级临床医学${Math.random()}` } });
    const group = await db.group.create({ data: { courseId: course.id, name: "第一组" } });
    await db.user.update({ where: { id: student.id }, data: { classId: cls.id } });
    await db.courseMember.updateMany({ where: { courseId: course.id, userId: student.id }, data: { groupId: group.id } });
    const view = await getAdminCourse(actorOf(deptAdmin), course.id);
    expect(view.teachers.map((m) => m.user.id)).toContain(teacher.id);
    expect(view.students).toHaveLength(2);
    expect(view.students.find((m) => m.user.id === student.id)).toMatchObject({
      group: { name: "第一组" },
      user: { no: student.no, name: student.name, class: { name: cls.name } },
    });
  });

  it("gets not_found for another department's course roster", async () => {
    const { otherDeptAdmin, course } = await makeSchool();
    await expect(getAdminCourse(actorOf(otherDeptAdmin), course.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getAdminCourse(actorOf(otherDeptAdmin), "../x")).rejects.toMatchObject({ code: "not_found" });
  });

  it("sees only the own department, its teachers and scoped counts", async () => {
    const { deptAdmin, dept, otherDept, teacher, assistant, otherTeacher } = await makeSchool();
    const foreignTeacher = await makeUser("TEACHER", { departmentId: otherDept.id });
    expect((await listDepartments(actorOf(deptAdmin))).map((d) => d.id)).toEqual([dept.id]);
    const teachers = (await listTeachers(actorOf(deptAdmin))).map((t) => t.id);
    expect(teachers).toEqual(expect.arrayContaining([teacher.id, assistant.id, otherTeacher.id, deptAdmin.id]));
    expect(teachers).not.toContain(foreignTeacher.id);
    expect(await getAdminOverview(actorOf(deptAdmin))).toEqual({ departments: 1, courses: 1, teachers: 4, students: 2 });
    expect(await listCourseTerms(actorOf(deptAdmin))).toEqual(["2026-2027-1"]);
  });

  it("may not use the administrators' user directory or candidate list", async () => {
    const { deptAdmin, teacher } = await makeSchool();
    await expect(listUsers(actorOf(deptAdmin), firstPage)).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(getUser(actorOf(deptAdmin), teacher.id)).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(listStaffCandidates(actorOf(deptAdmin))).rejects.toMatchObject({ code: "auth.forbidden" });
  });
});

describe("administrator reads", () => {
  it("sees every department and filters courses by department, term and status", async () => {
    const { admin, course, dept, otherDept } = await makeSchool();
    const foreign = await makeCourse(otherDept.id);
    await db.course.update({ where: { id: foreign.id }, data: { archived: true, term: "2025-2026-2" } });
    const ids = (await listDepartments(actorOf(admin))).map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining([dept.id, otherDept.id]));
    const byDept = await listAdminCourses(actorOf(admin), { ...allCourses, departmentId: otherDept.id });
    expect(byDept.map((c) => c.id)).toEqual([foreign.id]);
    const active = (await listAdminCourses(actorOf(admin), CourseListFilterSchema.parse({}))).map((c) => c.id);
    expect(active).toContain(course.id);
    expect(active).not.toContain(foreign.id);
    const archivedInTerm = await listAdminCourses(actorOf(admin), { departmentId: null, term: "2025-2026-2", status: "archived" });
    expect(archivedInTerm.map((c) => c.id)).toContain(foreign.id);
    expect(archivedInTerm.every((c) => c.archived && c.term === "2025-2026-2")).toBe(true);
  });

  it("searches users by 学号 or name, filters by role and department, and pages by 50", async () => {
    const { admin, dept, teacher } = await makeSchool();
    const tag = Math.random().toString(36).slice(2, 8);
    for (let i = 0; i < USERS_PER_PAGE + 3; i++) {
      await makeUser("STUDENT", { no: `s${tag}${String(i).padStart(3, "0")}`, name: `学生${i}` });
    }
    const page1 = await listUsers(actorOf(admin), UserListFilterSchema.parse({ q: `S${tag}` }));
    expect(page1).toMatchObject({ total: USERS_PER_PAGE + 3, page: 1, pageCount: 2 });
    expect(page1.items).toHaveLength(USERS_PER_PAGE);
    const page2 = await listUsers(actorOf(admin), UserListFilterSchema.parse({ q: `s${tag}`, page: "2" }));
    expect(page2.items.map((u) => u.no)).toEqual([`s${tag}050`, `s${tag}051`, `s${tag}052`]);
    const byName = await listUsers(actorOf(admin), UserListFilterSchema.parse({ q: teacher.name }));
    expect(byName.items.map((u) => u.id)).toEqual([teacher.id]);
    const teachersOfDept = await listUsers(actorOf(admin), UserListFilterSchema.parse({ role: "TEACHER", departmentId: dept.id }));
    expect(teachersOfDept.total).toBe(3);
    // Unreadable search parameters fall back to the defaults instead of failing the page.
    expect(UserListFilterSchema.parse({ q: "x".repeat(500), role: "ROOT", page: "-3" })).toMatchObject({ q: null, page: 1 });
  });

  it("gets a user by id or not_found", async () => {
    const { admin, teacher } = await makeSchool();
    expect(await getUser(actorOf(admin), teacher.id)).toMatchObject({ no: teacher.no });
    expect(await getUser(actorOf(admin), teacher.id)).not.toHaveProperty("passwordHash");
    await expect(getUser(actorOf(admin), "nope")).rejects.toMatchObject({ code: "not_found" });
  });

  it("offers only active staff as teacher candidates", async () => {
    const { admin, teacher, student, deptAdmin } = await makeSchool();
    const disabled = await makeUser("TEACHER");
    await db.user.update({ where: { id: disabled.id }, data: { disabled: true } });
    const ids = (await listStaffCandidates(actorOf(admin))).map((u) => u.id);
    expect(ids).toEqual(expect.arrayContaining([teacher.id, deptAdmin.id]));
    expect(ids).not.toContain(student.id);
    expect(ids).not.toContain(disabled.id);
    expect(ids).not.toContain(admin.id);
  });
});

describe("teachers and students cannot read the admin portal", () => {
  it.each(["teacher", "assistant", "student"] as const)("%s is forbidden for every read", async (who) => {
    const school = await makeSchool();
    const actor = actorOf(school[who]);
    const forbidden = { code: "auth.forbidden" };
    await expect(getAdminOverview(actor)).rejects.toMatchObject(forbidden);
    await expect(listDepartments(actor)).rejects.toMatchObject(forbidden);
    await expect(listAdminCourses(actor, allCourses)).rejects.toMatchObject(forbidden);
    await expect(listCourseTerms(actor)).rejects.toMatchObject(forbidden);
    // Even their own course: the admin view is not theirs.
    await expect(getAdminCourse(actor, school.course.id)).rejects.toMatchObject(forbidden);
    await expect(listTeachers(actor)).rejects.toMatchObject(forbidden);
    await expect(listUsers(actor, firstPage)).rejects.toMatchObject(forbidden);
    await expect(getUser(actor, actor.id)).rejects.toMatchObject(forbidden);
    await expect(listStaffCandidates(actor)).rejects.toMatchObject(forbidden);
  });
});
