import type { Actor } from "@/lib/auth/authz";
import { AppError } from "@/lib/errors";
import { type Measures, type WeekMeasures, rollUp } from "./measures";
import { type AnalyticsFilters, AnalyticsFiltersSchema } from "./schemas";
import { type FilterOptions, type ScopedCourse, assertClassVisible, filterOptionsFor, scopedCourses } from "./scope";
import { ensureSummaries, readCounts } from "./summaries";

export interface CourseMeasuresRow extends Measures {
  courseId: string;
  code: string;
  title: string;
  titleEn: string | null;
  term: string;
  departmentId: string;
  departmentName: string;
}

export interface DepartmentDashboard {
  filters: AnalyticsFilters;
  options: FilterOptions;
  total: Measures;
  courses: CourseMeasuresRow[];
  trend: WeekMeasures[];
  /** When the figures were computed (the oldest course's summary); null without courses. */
  asOf: Date | null;
}

async function measureCourses(courses: ScopedCourse[], classId: string | undefined, now: Date) {
  const ids = courses.map((course) => course.id);
  const asOf = await ensureSummaries(ids, now);
  const rolled = rollUp(await readCounts(ids, classId), ids);
  return {
    asOf,
    total: rolled.total,
    trend: rolled.byWeek,
    courses: courses.map(({ id, ...course }) => ({ courseId: id, ...course, ...rolled.byCourse.get(id)! })),
  };
}

/**
 * 教学质量看板: the department's courses side by side with every measure, the total and the trend by week of term,
 * filtered by term, class and course. Department admins see their own department only; administrators any or all.
 */
export async function getDepartmentDashboard(actor: Actor, input: unknown, now = new Date()): Promise<DepartmentDashboard> {
  const filters = AnalyticsFiltersSchema.parse(input ?? {});
  const { departmentIds, courses } = await scopedCourses(actor, filters);
  const [options, measured] = await Promise.all([filterOptionsFor(departmentIds, filters.term), measureCourses(courses, filters.classId, now)]);
  return { filters, options, ...measured };
}

export interface ClassDashboard extends DepartmentDashboard {
  class: { id: string; name: string };
}

/** A class (行政班) across the courses it takes within the actor's scope, counting only that class's students. */
export async function getClassDashboard(actor: Actor, classId: string, input: unknown, now = new Date()): Promise<ClassDashboard> {
  const filters = AnalyticsFiltersSchema.parse({ ...((input ?? {}) as object), classId });
  if (!filters.classId) throw new AppError("not_found");
  const { departmentIds, courses } = await scopedCourses(actor, filters);
  const [cls, options, measured] = await Promise.all([
    assertClassVisible(departmentIds, filters.classId),
    filterOptionsFor(departmentIds, filters.term),
    measureCourses(courses, filters.classId, now),
  ]);
  return { class: cls, filters, options, ...measured };
}
