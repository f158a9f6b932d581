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
  | "analytics.objective_competencies";

/**
 * Records an administrative or roster change in the same transaction as the change itself, so neither exists without the
 * other. The detail never carries passwords or hashes.
 */
export async function writeAudit(
  tx: Tx,
  actor: Pick<Actor, "id">,
  action: AuditAction,
  target: string,
  detail: Prisma.InputJsonObject,
): Promise<void> {
  await tx.auditLog.create({ data: { actorId: actor.id, action, target, detail } });
}
