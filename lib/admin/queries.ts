import type { Prisma } from "@/generated/prisma/client";
import { type Actor, assertGlobal, authorizeCourse, departmentScopeOf } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { COURSE_STAFF_ROLES, type CourseListFilter, STAFF_ROLES, USERS_PER_PAGE, type UserListFilter } from "./schemas";

/*
 * Reads for the admin portal. Administrators see everything; department admins read their own department
 * (departmentScopeOf); everyone else is refused, whatever courses they teach.
 */

/** The department filter for the actor's read scope, optionally narrowed to one department. */
function departmentFilter(actor: Actor, departmentId?: string | null): Prisma.StringFilter | undefined {
  assertGlobal(actor, "department.view");
  const scope = departmentScopeOf(actor);
  if (!scope && !departmentId) return undefined;
  return { ...(scope && { in: scope }), ...(departmentId && { equals: departmentId }) };
}

const staffInScope = (departmentId: Prisma.StringFilter | undefined): Prisma.UserWhereInput => ({
  role: { in: [...STAFF_ROLES] },
  ...(departmentId && { departmentId }),
});

/** Students in scope: everyone for administrators, those enrolled in a course of the department otherwise. */
const studentsInScope = (departmentId: Prisma.StringFilter | undefined): Prisma.UserWhereInput => ({
  role: "STUDENT",
  ...(departmentId && { memberships: { some: { role: "STUDENT", course: { departmentId } } } }),
});

export async function getAdminOverview(actor: Actor) {
  const departmentId = departmentFilter(actor);
  const [departments, courses, teachers, students] = await Promise.all([
    db.department.count({ where: departmentId && { id: departmentId } }),
    db.course.count({ where: { archived: false, ...(departmentId && { departmentId }) } }),
    db.user.count({ where: { disabled: false, ...staffInScope(departmentId) } }),
    db.user.count({ where: { disabled: false, ...studentsInScope(departmentId) } }),
  ]);
  return { departments, courses, teachers, students };
}

export async function listDepartments(actor: Actor) {
  const departmentId = departmentFilter(actor);
  return db.department.findMany({
    where: departmentId && { id: departmentId },
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      nameEn: true,
      _count: { select: { courses: true, users: { where: { role: { in: [...STAFF_ROLES] } } } } },
    },
  });
}

export async function listAdminCourses(actor: Actor, filter: CourseListFilter) {
  const departmentId = departmentFilter(actor, filter.departmentId);
  return db.course.findMany({
    where: {
      ...(departmentId && { departmentId }),
      ...(filter.term && { term: filter.term }),
      ...(filter.status !== "all" && { archived: filter.status === "archived" }),
    },
    orderBy: [{ term: "desc" }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      title: true,
      titleEn: true,
      term: true,
      archived: true,
      department: { select: { id: true, name: true, nameEn: true } },
      members: {
        where: { role: { in: [...COURSE_STAFF_ROLES] } },
        orderBy: [{ role: "desc" }, { createdAt: "asc" }],
        select: { role: true, user: { select: { id: true, name: true } } },
      },
      _count: { select: { members: { where: { role: "STUDENT" } } } },
    },
  });
}

/** Terms that have courses in the actor's scope, newest first (for the course list's filter). */
export async function listCourseTerms(actor: Actor): Promise<string[]> {
  const departmentId = departmentFilter(actor);
  const rows = await db.course.findMany({
    where: departmentId && { departmentId },
    distinct: ["term"],
    orderBy: { term: "desc" },
    select: { term: true },
  });
  return rows.map((row) => row.term);
}

/**
 * One course with its teachers and student roster. Department admins of another department get not_found,
 * exactly like any course they cannot see.
 */
export async function getAdminCourse(actor: Actor, courseId: string) {
  assertGlobal(actor, "department.view");
  const access = await authorizeCourse(actor, courseId, "roster.view");
  const course = await db.course.findUnique({
    where: { id: access.courseId },
    select: {
      id: true,
      code: true,
      title: true,
      titleEn: true,
      term: true,
      archived: true,
      department: { select: { id: true, name: true, nameEn: true } },
      members: {
        orderBy: [{ role: "desc" }, { createdAt: "asc" }],
        select: {
          role: true,
          group: { select: { name: true } },
          user: {
            select: {
              id: true,
              no: true,
              name: true,
              role: true,
              disabled: true,
              department: { select: { name: true } },
              class: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  if (!course) throw new AppError("not_found");
  const { members, ...rest } = course;
  const byNo = (a: (typeof members)[number], b: (typeof members)[number]) => a.user.no.localeCompare(b.user.no);
  return {
    ...rest,
    teachers: members.filter((m) => m.role !== "STUDENT"),
    students: members.filter((m) => m.role === "STUDENT").sort(byNo),
  };
}

export type AdminCourse = Awaited<ReturnType<typeof getAdminCourse>>;

/** Active staff accounts that can be assigned to teach a course. */
export async function listStaffCandidates(actor: Actor) {
  assertGlobal(actor, "admin.courses");
  return db.user.findMany({
    where: { role: { in: [...STAFF_ROLES] }, disabled: false },
    orderBy: [{ department: { code: "asc" } }, { no: "asc" }],
    select: { id: true, no: true, name: true, department: { select: { name: true } } },
  });
}

/** Teachers of the actor's departments, with the courses they teach there. */
export async function listTeachers(actor: Actor) {
  const departmentId = departmentFilter(actor);
  return db.user.findMany({
    where: staffInScope(departmentId),
    orderBy: [{ department: { code: "asc" } }, { no: "asc" }],
    select: {
      id: true,
      no: true,
      name: true,
      role: true,
      disabled: true,
      department: { select: { name: true } },
      memberships: {
        where: {
          role: { in: [...COURSE_STAFF_ROLES] },
          course: { archived: false, ...(departmentId && { departmentId }) },
        },
        orderBy: { course: { code: "asc" } },
        select: { role: true, course: { select: { id: true, code: true, title: true } } },
      },
    },
  });
}

export async function listUsers(actor: Actor, filter: UserListFilter) {
  assertGlobal(actor, "admin.users");
  const where: Prisma.UserWhereInput = {
    ...(filter.role && { role: filter.role }),
    ...(filter.departmentId && { departmentId: filter.departmentId }),
    ...(filter.q && {
      OR: [{ no: { contains: filter.q, mode: "insensitive" } }, { name: { contains: filter.q, mode: "insensitive" } }],
    }),
  };
  const [total, items] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: { no: "asc" },
      skip: (filter.page - 1) * USERS_PER_PAGE,
      take: USERS_PER_PAGE,
      select: {
        id: true,
        no: true,
        name: true,
        role: true,
        disabled: true,
        mustChangePassword: true,
        lastLoginAt: true,
        department: { select: { name: true } },
        class: { select: { name: true } },
      },
    }),
  ]);
  return { items, total, page: filter.page, pageCount: Math.max(1, Math.ceil(total / USERS_PER_PAGE)) };
}

export async function getUser(actor: Actor, userId: string) {
  assertGlobal(actor, "admin.users");
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      no: true,
      name: true,
      role: true,
      email: true,
      departmentId: true,
      disabled: true,
      mustChangePassword: true,
      lastLoginAt: true,
      createdAt: true,
      department: { select: { name: true } },
      class: { select: { name: true } },
      memberships: {
        orderBy: { course: { term: "desc" } },
        select: { role: true, course: { select: { id: true, code: true, title: true, term: true } } },
      },
    },
  });
  if (!user) throw new AppError("not_found");
  return user;
}

export type AdminUser = Awaited<ReturnType<typeof getUser>>;
