import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/authz";
import type { Tx } from "@/lib/db";

export type AuditAction =
  | "department.create"
  | "department.rename"
  | "department.delete"
  | "course.create"
  | "course.update"
  | "course.archive"
  | "course.unarchive"
  | "course.assign_teacher"
  | "course.change_teacher_role"
  | "course.remove_teacher"
  | "user.create"
  | "user.update"
  | "user.disable"
  | "user.enable"
  | "user.reset_password"
  | "roster.import"
  | "roster.add_student"
  | "roster.remove_student"
  | "qbank.create"
  | "qbank.update"
  | "qbank.archive"
  | "qbank.restore"
  | "qbank.case_update"
  | "qbank.import"
  | "analytics.at_risk_rule"
  | "analytics.competencies"
  | "analytics.objective_competencies"
  // grade- and deadline-affecting changes (the course's 变更记录)
  | "homework.grade"
  | "homework.release_grades"
  | "homework.unrelease_grades"
  | "homework.extension_grant"
  | "homework.extension_remove"
  | "homework.deadline_change"
  | "quiz.mark_answer"
  | "peer.grade_override"
  | "peer.grade_override_clear"
  | "peer.compute_grades"
  | "peer.release_grades"
  | "peer.unrelease_grades"
  | "peer.switch_phase"
  | "points.enable"
  | "points.disable";

/** The course and/or department an entry is about; the audit viewer shows department admins only their department's. */
export interface AuditScope {
  courseId?: string | null;
  /** Looked up from the course when left out. */
  departmentId?: string | null;
}

/**
 * Records an administrative, roster or grade change in the same transaction as the change itself, so neither exists
 * without the other. The detail never carries passwords, hashes or the text of students' work. A null actor is the
 * system (a scheduled phase switch).
 */
export async function writeAudit(
  tx: Tx,
  actor: Pick<Actor, "id"> | null,
  action: AuditAction,
  target: string,
  detail: Prisma.InputJsonObject,
  scope: AuditScope = {},
): Promise<void> {
  const courseId = scope.courseId ?? null;
  const departmentId =
    scope.departmentId ?? (courseId ? ((await tx.course.findUnique({ where: { id: courseId }, select: { departmentId: true } }))?.departmentId ?? null) : null);
  await tx.auditLog.create({ data: { actorId: actor?.id ?? null, action, target, detail, courseId, departmentId } });
}
