import { type Actor, assertGlobal, departmentScopeOf, isWellFormedId } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ratingSumOf } from "./aggregate";
import { MIN_RESPONSES, OVERALL_ITEM_ID } from "./schemas";

export interface CourseEvaluationSummary {
  courseId: string;
  code: string;
  title: string;
  titleEn: string | null;
  departmentId: string;
  evaluations: number;
  responses: number;
  /**
   * Mean of the overall item (总体满意度) over the evaluations that have at least MIN_RESPONSES answers; null when
   * none has. Evaluations below the threshold are left out rather than pooled, or the course mean and the visible
   * ones would give away the small one.
   */
  overallMean: number | null;
}

/**
 * Per course of a department (all of the admin's departments when none is given): number of evaluations and
 * responses, and the mean overall rating. For department admins (their own department) and admins.
 */
export async function evaluationSummaryForDepartment(actor: Actor, departmentId?: string): Promise<CourseEvaluationSummary[]> {
  assertGlobal(actor, "department.view");
  const scope = departmentScopeOf(actor);
  if (departmentId !== undefined && (!isWellFormedId(departmentId) || (scope && !scope.includes(departmentId)))) {
    throw new AppError("not_found");
  }
  const departmentIds = departmentId !== undefined ? [departmentId] : scope;
  const courses = await db.course.findMany({
    where: departmentIds ? { departmentId: { in: departmentIds } } : {},
    orderBy: [{ code: "asc" }, { id: "asc" }],
    select: {
      id: true,
      code: true,
      title: true,
      titleEn: true,
      departmentId: true,
      evaluations: { select: { responses: { select: { ratings: true } } } },
    },
  });
  return courses.map((course) => {
    let sum = 0;
    let count = 0;
    for (const evaluation of course.evaluations) {
      if (evaluation.responses.length < MIN_RESPONSES) continue;
      const part = ratingSumOf(OVERALL_ITEM_ID, evaluation.responses.map((response) => response.ratings));
      sum += part.sum;
      count += part.count;
    }
    return {
      courseId: course.id,
      code: course.code,
      title: course.title,
      titleEn: course.titleEn,
      departmentId: course.departmentId,
      evaluations: course.evaluations.length,
      responses: course.evaluations.reduce((total, evaluation) => total + evaluation.responses.length, 0),
      overallMean: count ? sum / count : null,
    };
  });
}
