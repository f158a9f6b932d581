import { courseInDepartments, departmentIdsFor } from "@/lib/analytics/scope";
import { type Actor, isWellFormedId } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type EvaluationResults, getEvaluationResults } from "./get-evaluation-results";

export interface DepartmentEvaluationResults {
  course: { id: string; code: string; title: string; term: string; department: { name: string } };
  results: EvaluationResults;
}

/**
 * One evaluation's results in the admin portal: the same aggregates (and the same MIN_RESPONSES rule) as the
 * teacher's page, for evaluations of courses in the actor's department scope. Anything else — another department's,
 * even one the department admin teaches in — is not_found here.
 */
export async function getDepartmentEvaluationResults(actor: Actor, evaluationId: string): Promise<DepartmentEvaluationResults> {
  const departmentIds = departmentIdsFor(actor);
  if (!isWellFormedId(evaluationId)) throw new AppError("not_found");
  const evaluation = await db.evaluation.findFirst({
    where: { id: evaluationId, course: courseInDepartments(departmentIds) },
    select: { course: { select: { id: true, code: true, title: true, term: true, department: { select: { name: true } } } } },
  });
  if (!evaluation) throw new AppError("not_found");
  return { course: evaluation.course, results: await getEvaluationResults(actor, evaluationId) };
}
