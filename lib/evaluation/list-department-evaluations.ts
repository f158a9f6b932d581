import type { z } from "zod";
import { AnalyticsFiltersSchema } from "@/lib/analytics/schemas";
import { type FilterOptions, type ScopedCourse, filterOptionsFor, scopedCourses } from "@/lib/analytics/scope";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ratingSumOf } from "./aggregate";
import type { EvaluationListItem } from "./list-evaluations";
import { MIN_RESPONSES, OVERALL_ITEM_ID } from "./schemas";
import { evaluationStateOf } from "./window";

const DepartmentEvaluationFiltersSchema = AnalyticsFiltersSchema.pick({ departmentId: true, term: true, courseId: true });
export type DepartmentEvaluationFilters = z.infer<typeof DepartmentEvaluationFiltersSchema>;

export interface DepartmentEvaluationRow extends EvaluationListItem {
  course: Pick<ScopedCourse, "id" | "code" | "title" | "term" | "departmentName">;
  studentCount: number;
  /**
   * Mean of the overall item (总体满意度); null below MIN_RESPONSES answers, as on the results page, or when the
   * evaluation has no overall item.
   */
  overallMean: number | null;
}

export interface DepartmentEvaluations {
  filters: DepartmentEvaluationFilters;
  options: FilterOptions;
  evaluations: DepartmentEvaluationRow[];
}

/**
 * 课程评教 for the admin portal: every evaluation of the courses in the actor's scope (a department admin's own
 * department; administrators any or all), filtered by department, term and course, newest first, with response
 * counts and the overall mean. A department or course outside the scope — or an unreadable filter — is not_found.
 */
export async function listDepartmentEvaluations(actor: Actor, input: unknown, now = new Date()): Promise<DepartmentEvaluations> {
  const parsed = DepartmentEvaluationFiltersSchema.safeParse(input ?? {});
  if (!parsed.success) throw new AppError("not_found");
  const filters = parsed.data;
  const { departmentIds, courses } = await scopedCourses(actor, filters);
  const courseById = new Map(courses.map((course) => [course.id, course]));
  const courseIds = [...courseById.keys()];
  const [options, rows, students] = await Promise.all([
    filterOptionsFor(departmentIds, filters.term),
    db.evaluation.findMany({
      where: { courseId: { in: courseIds } },
      orderBy: [{ opensAt: "desc" }, { createdAt: "desc" }],
      select: {
        id: true,
        courseId: true,
        title: true,
        opensAt: true,
        closesAt: true,
        lesson: { select: { title: true } },
        _count: { select: { responses: true } },
      },
    }),
    db.courseMember.groupBy({ by: ["courseId"], where: { courseId: { in: courseIds }, role: "STUDENT" }, _count: { _all: true } }),
  ]);
  const studentCounts = new Map(students.map((row) => [row.courseId, row._count._all]));
  const means = await overallMeansOf(rows.filter((row) => row._count.responses >= MIN_RESPONSES).map((row) => row.id));
  return {
    filters,
    options,
    evaluations: rows.map((row) => {
      const { id, code, title, term, departmentName } = courseById.get(row.courseId)!;
      return {
        id: row.id,
        title: row.title,
        lessonTitle: row.lesson?.title ?? null,
        opensAt: row.opensAt,
        closesAt: row.closesAt,
        state: evaluationStateOf(row, now),
        responses: row._count.responses,
        course: { id, code, title, term, departmentName },
        studentCount: studentCounts.get(row.courseId) ?? 0,
        overallMean: means.get(row.id) ?? null,
      };
    }),
  };
}

/** The overall item's mean per evaluation; only ever called with evaluations at or above the threshold. */
async function overallMeansOf(evaluationIds: string[]): Promise<Map<string, number>> {
  if (evaluationIds.length === 0) return new Map();
  const answers = await db.evaluationResponse.findMany({ where: { evaluationId: { in: evaluationIds } }, select: { evaluationId: true, ratings: true } });
  const ratingsByEvaluation = new Map<string, unknown[]>();
  for (const answer of answers) {
    const list = ratingsByEvaluation.get(answer.evaluationId) ?? [];
    list.push(answer.ratings);
    ratingsByEvaluation.set(answer.evaluationId, list);
  }
  const means = new Map<string, number>();
  for (const [evaluationId, ratings] of ratingsByEvaluation) {
    const { sum, count } = ratingSumOf(OVERALL_ITEM_ID, ratings);
    if (count) means.set(evaluationId, sum / count);
  }
  return means;
}
