import type { AuditAction } from "./write-audit";

export type AuditGroup = "admin" | "roster" | "qbank" | "analytics" | "grades";

/**
 * Every audit action with the group the viewer files it under. A Record, so that an action added to AuditAction
 * without a group (and so without a label and a filter option) does not compile.
 */
const GROUP_OF: Record<AuditAction, AuditGroup> = {
  "department.create": "admin",
  "department.rename": "admin",
  "department.delete": "admin",
  "course.create": "admin",
  "course.update": "admin",
  "course.archive": "admin",
  "course.unarchive": "admin",
  "course.assign_teacher": "admin",
  "course.change_teacher_role": "admin",
  "course.remove_teacher": "admin",
  "user.create": "admin",
  "user.update": "admin",
  "user.disable": "admin",
  "user.enable": "admin",
  "user.reset_password": "admin",
  "roster.import": "roster",
  "roster.add_student": "roster",
  "roster.remove_student": "roster",
  "qbank.create": "qbank",
  "qbank.update": "qbank",
  "qbank.archive": "qbank",
  "qbank.restore": "qbank",
  "qbank.case_update": "qbank",
  "qbank.import": "qbank",
  "analytics.at_risk_rule": "analytics",
  "analytics.competencies": "analytics",
  "analytics.objective_competencies": "analytics",
  "homework.grade": "grades",
  "homework.release_grades": "grades",
  "homework.unrelease_grades": "grades",
  "homework.extension_grant": "grades",
  "homework.extension_remove": "grades",
  "homework.deadline_change": "grades",
  "quiz.mark_answer": "grades",
  "peer.grade_override": "grades",
  "peer.grade_override_clear": "grades",
  "peer.compute_grades": "grades",
  "peer.release_grades": "grades",
  "peer.unrelease_grades": "grades",
  "peer.switch_phase": "grades",
  "points.enable": "grades",
  "points.disable": "grades",
};

export const AUDIT_ACTIONS = Object.keys(GROUP_OF) as [AuditAction, ...AuditAction[]];

export const AUDIT_GROUPS: readonly AuditGroup[] = ["grades", "roster", "qbank", "admin", "analytics"];

/** The changes to a student's grade or deadline: what a course's staff read in its 变更记录. */
export const GRADE_ACTIONS = AUDIT_ACTIONS.filter((action) => GROUP_OF[action] === "grades");

export const actionsIn = (group: AuditGroup, among: readonly AuditAction[] = AUDIT_ACTIONS): AuditAction[] =>
  among.filter((action) => GROUP_OF[action] === group);
