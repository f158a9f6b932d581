import { randomBytes } from "node:crypto";
import type { CourseRole, Role } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";

// Small builders for integration tests. Passwords are not hashed here (argon2 is slow); use
// `hashPassword` in the tests that sign in.

const uid = () => randomBytes(4).toString("hex");

export async function makeDepartment(name = `教研室-${uid()}`) {
  return db.department.create({ data: { code: `D${uid()}`, name } });
}

export async function makeUser(role: Role, options: { departmentId?: string | null; no?: string; name?: string; passwordHash?: string } = {}) {
  return db.user.create({
    data: {
      no: options.no ?? `${role.toLowerCase()}-${uid()}`,
      name: options.name ?? `用户${uid()}`,
      role,
      departmentId: options.departmentId ?? null,
      passwordHash: options.passwordHash ?? "not-a-hash",
    },
  });
}

export function actorOf(user: { id: string; no: string; name: string; role: Role; departmentId: string | null; mustChangePassword?: boolean }): Actor {
  return {
    id: user.id,
    no: user.no,
    name: user.name,
    role: user.role,
    departmentId: user.departmentId,
    mustChangePassword: user.mustChangePassword ?? false,
  };
}

export async function makeCourse(departmentId: string, members: { userId: string; role: CourseRole }[] = []) {
  return db.course.create({
    data: {
      code: `C${uid()}`,
      title: `课程${uid()}`,
      term: "2026-2027-1",
      departmentId,
      members: { create: members },
    },
  });
}

/** A department with a course, its teacher, an assistant, two students, a student outside it and admins. */
export async function makeSchool() {
  const dept = await makeDepartment();
  const otherDept = await makeDepartment();
  const teacher = await makeUser("TEACHER", { departmentId: dept.id });
  const assistant = await makeUser("TEACHER", { departmentId: dept.id });
  const otherTeacher = await makeUser("TEACHER", { departmentId: dept.id });
  const student = await makeUser("STUDENT");
  const student2 = await makeUser("STUDENT");
  const outsider = await makeUser("STUDENT");
  const deptAdmin = await makeUser("DEPT_ADMIN", { departmentId: dept.id });
  const otherDeptAdmin = await makeUser("DEPT_ADMIN", { departmentId: otherDept.id });
  const admin = await makeUser("ADMIN");
  const course = await makeCourse(dept.id, [
    { userId: teacher.id, role: "TEACHER" },
    { userId: assistant.id, role: "ASSISTANT" },
    { userId: student.id, role: "STUDENT" },
    { userId: student2.id, role: "STUDENT" },
  ]);
  return { dept, otherDept, teacher, assistant, otherTeacher, student, student2, outsider, deptAdmin, otherDeptAdmin, admin, course };
}
