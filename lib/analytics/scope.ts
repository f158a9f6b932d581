import type { Prisma } from "@/generated/prisma/client";
import { type Actor, assertGlobal, departmentScopeOf, isWellFormedId } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AnalyticsFilters } from "./schemas";

/*
 * Which courses a department-level view may read. Only administrators and department admins get here
 * (assertGlobal "department.view"); a department admin's scope is their own department, whatever the filters say:
 * a department, course or class outside it is not_found, exactly as if it did not exist.
 */

export interface ScopedCourse {
  id: string;
  code: string;
  title: string;
  titleEn: string | null;
  term: string;
  departmentId: string;
  departmentName: string;
}

/** The departments the actor may read, narrowed to `departmentId` when given; undefined means every department. */
export function departmentIdsFor(actor: Actor, departmentId?: string): string[] | undefined {
  assertGlobal(actor, "department.view");
  const scope = departmentScopeOf(actor);
  if (departmentId === undefined) return scope;
  if (!isWellFormedId(departmentId) || (scope && !scope.includes(departmentId))) throw new AppError("not_found");
  return [departmentId];
}

export const courseInDepartments = (departmentIds: string[] | undefined): Prisma.CourseWhereInput =>
  departmentIds ? { departmentId: { in: departmentIds } } : {};

/** A class the actor may filter by: any for admins; for a department admin one of their department or taking its courses. */
export async function assertClassVisible(departmentIds: string[] | undefined, classId: string): Promise<{ id: string; name: string }> {
  if (!isWellFormedId(classId)) throw new AppError("not_found");
  const found = await db.class.findFirst({
    where: {
      id: classId,
      ...(departmentIds && {
        OR: [
          { departmentId: { in: departmentIds } },
          { students: { some: { memberships: { some: { role: "STUDENT", course: { departmentId: { in: departmentIds } } } } } } },
        ],
      }),
    },
    select: { id: true, name: true },
  });
  if (!found) throw new AppError("not_found");
  return found;
}

/** The courses a department-level view covers under the filters (checked against the actor's scope first). */
export async function scopedCourses(actor: Actor, filters: AnalyticsFilters): Promise<{ departmentIds: string[] | undefined; courses: ScopedCourse[] }> {
  const departmentIds = departmentIdsFor(actor, filters.departmentId);
  if (filters.classId) await assertClassVisible(departmentIds, filters.classId);
  if (filters.courseId) {
    const visible = isWellFormedId(filters.courseId)
      ? await db.course.count({ where: { id: filters.courseId, ...courseInDepartments(departmentIds) } })
      : 0;
    if (!visible) throw new AppError("not_found");
  }
  const rows = await db.course.findMany({
    where: {
      ...courseInDepartments(departmentIds),
      ...(filters.term && { term: filters.term }),
      ...(filters.courseId && { id: filters.courseId }),
      ...(filters.classId && { members: { some: { role: "STUDENT", user: { classId: filters.classId } } } }),
    },
    orderBy: [{ term: "desc" }, { code: "asc" }, { id: "asc" }],
    select: { id: true, code: true, title: true, titleEn: true, term: true, departmentId: true, department: { select: { name: true } } },
  });
  return {
    departmentIds,
    courses: rows.map(({ department, ...course }) => ({ ...course, departmentName: department.name })),
  };
}

export interface FilterOptions {
  departments: { id: string; name: string }[];
  terms: string[];
  classes: { id: string; name: string }[];
  courses: { id: string; code: string; title: string; term: string }[];
}

/** What the filter menus offer: only what lies in the actor's scope. Classes are those with students in its courses. */
export async function filterOptionsFor(departmentIds: string[] | undefined, term?: string): Promise<FilterOptions> {
  const inScope = courseInDepartments(departmentIds);
  const [departments, terms, courses, classes] = await Promise.all([
    db.department.findMany({ where: departmentIds ? { id: { in: departmentIds } } : {}, orderBy: { code: "asc" }, select: { id: true, name: true } }),
    db.course.findMany({ where: inScope, distinct: ["term"], orderBy: { term: "desc" }, select: { term: true } }),
    db.course.findMany({
      where: { ...inScope, ...(term && { term }) },
      orderBy: [{ code: "asc" }, { id: "asc" }],
      select: { id: true, code: true, title: true, term: true },
    }),
    db.class.findMany({
      where: { students: { some: { memberships: { some: { role: "STUDENT", course: { ...inScope, ...(term && { term }) } } } } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return { departments, terms: terms.map((row) => row.term), courses, classes };
}
