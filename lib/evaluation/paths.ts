import { teacherCoursePath } from "@/lib/course/paths";

export const teacherEvaluationsPath = (courseId: string) => teacherCoursePath(courseId, "evaluations");
export const teacherEvaluationPath = (courseId: string, evaluationId: string) => `${teacherEvaluationsPath(courseId)}/${evaluationId}`;
export const newEvaluationPath = (courseId: string) => `${teacherEvaluationsPath(courseId)}/new`;
export const studentEvaluationPath = (evaluationId: string) => `/student/evaluations/${evaluationId}`;
export const adminEvaluationsPath = "/admin/evaluations";
export const adminEvaluationPath = (evaluationId: string) => `${adminEvaluationsPath}/${evaluationId}`;
