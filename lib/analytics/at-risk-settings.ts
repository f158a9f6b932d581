import type { Actor } from "@/lib/auth/authz";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { DEFAULT_AT_RISK } from "./at-risk-rules";
import { departmentOf } from "./department-of";
import { type AtRiskThresholds, AtRiskThresholdsSchema } from "./schemas";

export interface AtRiskSettings {
  departmentId: string;
  departmentName: string;
  thresholds: AtRiskThresholds;
  /** No row yet: the defaults apply. */
  isDefault: boolean;
}

const pick = (row: AtRiskThresholds): AtRiskThresholds => ({
  scoreDropPoints: row.scoreDropPoints,
  recentQuizzes: row.recentQuizzes,
  lowScorePercent: row.lowScorePercent,
  missedPreClassPercent: row.missedPreClassPercent,
  absencePercent: row.absencePercent,
  inactiveDays: row.inactiveDays,
});

/** A department's at-risk thresholds, for its department admin and administrators. */
export async function getAtRiskSettings(actor: Actor, departmentId?: string): Promise<AtRiskSettings> {
  const department = await departmentOf(actor, departmentId);
  const row = await db.atRiskRule.findUnique({ where: { departmentId: department.id } });
  return { departmentId: department.id, departmentName: department.name, thresholds: row ? pick(row) : DEFAULT_AT_RISK, isDefault: !row };
}

/**
 * Sets a department's thresholds. Department admins set their own department's (it decides whom their teachers are
 * asked to reach out to, and changes no course); administrators any department's.
 */
export async function saveAtRiskSettings(actor: Actor, departmentId: string | undefined, input: unknown): Promise<AtRiskSettings> {
  const department = await departmentOf(actor, departmentId);
  const thresholds = AtRiskThresholdsSchema.parse(input);
  await db.$transaction(async (tx) => {
    await tx.atRiskRule.upsert({
      where: { departmentId: department.id },
      create: { departmentId: department.id, ...thresholds, updatedById: actor.id },
      update: { ...thresholds, updatedById: actor.id },
    });
    await writeAudit(tx, actor, "analytics.at_risk_rule", department.id, { ...thresholds }, { departmentId: department.id });
  });
  return { departmentId: department.id, departmentName: department.name, thresholds, isDefault: false };
}
