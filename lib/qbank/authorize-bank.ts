import { type Actor, authorizeCourse, isWellFormedId } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { bankQuestionWhere } from "./bank-scope";

export interface BankAccess {
  courseId: string;
  departmentId: string;
}

/**
 * A course's question bank is the teacher's ("coursework.manage"). It holds the answers, so to a student it does
 * not exist at all, not even in their own course: not_found rather than auth.forbidden.
 */
export async function authorizeBank(actor: Actor, courseId: string): Promise<BankAccess> {
  try {
    const access = await authorizeCourse(actor, courseId, "coursework.manage");
    return { courseId: access.courseId, departmentId: access.departmentId };
  } catch (error) {
    if (isAppError(error) && error.code === "auth.forbidden" && actor.role === "STUDENT") throw new AppError("not_found");
    throw error;
  }
}

/**
 * A question the actor may change through a course's bank: it must belong to that course. A question shared by
 * another course of the department is visible there but read-only (qbank.shared_read_only); anything else is
 * not_found.
 */
export async function authorizeQuestionEdit(actor: Actor, courseId: string, questionId: string): Promise<BankAccess & { caseId: string | null }> {
  const access = await authorizeBank(actor, courseId);
  if (!isWellFormedId(questionId)) throw new AppError("not_found");
  const question = await db.question.findFirst({
    where: { id: questionId, ...bankQuestionWhere(access, { source: "all", archived: "any" }) },
    select: { courseId: true, caseId: true },
  });
  if (!question) throw new AppError("not_found");
  if (question.courseId !== access.courseId) throw new AppError("qbank.shared_read_only");
  return { ...access, caseId: question.caseId };
}
