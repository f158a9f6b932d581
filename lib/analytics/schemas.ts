import { z } from "zod";
import { IdSchema } from "@/lib/course/schemas";

/** Optional filters of the dashboards; an empty string (a cleared <select>) means "all". */
const optionalId = z.preprocess((value) => (value === "" || value === null ? undefined : value), IdSchema.optional());
const optionalTerm = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value),
  z.string().trim().regex(/^[A-Za-z0-9_-]{1,32}$/).optional(),
);

export const AnalyticsFiltersSchema = z.object({
  departmentId: optionalId,
  term: optionalTerm,
  classId: optionalId,
  courseId: optionalId,
});
export type AnalyticsFilters = z.infer<typeof AnalyticsFiltersSchema>;

export const AT_RISK_LIMITS = {
  scoreDropPoints: { min: 1, max: 100 },
  recentQuizzes: { min: 1, max: 10 },
  lowScorePercent: { min: 0, max: 100 },
  missedPreClassPercent: { min: 1, max: 100 },
  absencePercent: { min: 1, max: 100 },
  inactiveDays: { min: 1, max: 365 },
} as const;

const bounded = (limits: { min: number; max: number }) => z.coerce.number().int().min(limits.min).max(limits.max);

export const AtRiskThresholdsSchema = z.object({
  scoreDropPoints: bounded(AT_RISK_LIMITS.scoreDropPoints),
  recentQuizzes: bounded(AT_RISK_LIMITS.recentQuizzes),
  lowScorePercent: bounded(AT_RISK_LIMITS.lowScorePercent),
  missedPreClassPercent: bounded(AT_RISK_LIMITS.missedPreClassPercent),
  absencePercent: bounded(AT_RISK_LIMITS.absencePercent),
  inactiveDays: bounded(AT_RISK_LIMITS.inactiveDays),
});
export type AtRiskThresholds = z.infer<typeof AtRiskThresholdsSchema>;

export const COMPETENCY_LIMITS = { items: 40, code: 32, name: 60, tags: 30, tag: 40 } as const;

export const CompetencySchema = z.object({
  code: z.string().trim().min(1).max(COMPETENCY_LIMITS.code),
  name: z.string().trim().min(1).max(COMPETENCY_LIMITS.name),
  nameEn: z.preprocess((value) => (value === "" ? null : value), z.string().trim().max(COMPETENCY_LIMITS.name).nullable().optional()),
  tags: z.array(z.string().trim().min(1).max(COMPETENCY_LIMITS.tag)).max(COMPETENCY_LIMITS.tags).default([]),
});

export const CompetencyListSchema = z.array(CompetencySchema).max(COMPETENCY_LIMITS.items);
export type CompetencyInput = z.infer<typeof CompetencySchema>;
