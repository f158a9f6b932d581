import { z } from "zod";

/**
 * A rubric (评分量规): criteria × levels, each level with a descriptor and points; or comment-only criteria that
 * collect feedback and score nothing. Homework grading and peer review store rubrics in this shape (a Json column);
 * homework has levels criteria only. The limits are the most any feature allows; homework allows less (HOMEWORK_LIMITS).
 */
export const RUBRIC_LIMITS = { criteria: 20, levels: 8, criterionTitle: 100, levelTitle: 100, description: 1000, comment: 5000, points: 1000 } as const;

/** What a rubric editor lets a teacher type: a feature's own limits, within RUBRIC_LIMITS. */
export type RubricLimits = { criteria: number; levels: number; criterionTitle: number; levelTitle: number; description: number; points: number };

const RubricIdSchema = z.string().trim().min(1).max(40);

const RubricLevelSchema = z.object({
  id: RubricIdSchema,
  title: z.string().trim().min(1).max(RUBRIC_LIMITS.levelTitle),
  description: z.string().trim().max(RUBRIC_LIMITS.description).default(""),
  points: z.number().min(0).max(RUBRIC_LIMITS.points),
});

const RubricCriterionSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("levels"),
    id: RubricIdSchema,
    title: z.string().trim().min(1).max(RUBRIC_LIMITS.criterionTitle),
    description: z.string().trim().max(RUBRIC_LIMITS.description).default(""),
    levels: z.array(RubricLevelSchema).min(2).max(RUBRIC_LIMITS.levels),
  }),
  z.object({
    kind: z.literal("comment"),
    id: RubricIdSchema,
    title: z.string().trim().min(1).max(RUBRIC_LIMITS.criterionTitle),
    description: z.string().trim().max(RUBRIC_LIMITS.description).default(""),
  }),
]);

export const RubricSchema = z
  .array(RubricCriterionSchema)
  .min(1)
  .max(RUBRIC_LIMITS.criteria)
  .superRefine((criteria, ctx) => {
    const ids = criteria.map((c) => c.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", message: "rubric_duplicate_criterion" });
    criteria.forEach((c, i) => {
      if (c.kind !== "levels") return;
      const levelIds = c.levels.map((l) => l.id);
      if (new Set(levelIds).size !== levelIds.length) ctx.addIssue({ code: "custom", path: [i, "levels"], message: "rubric_duplicate_level" });
    });
  });

export type Rubric = z.infer<typeof RubricSchema>;
export type RubricCriterion = Rubric[number];
export type LevelsCriterion = Extract<RubricCriterion, { kind: "levels" }>;
export type RubricLevel = LevelsCriterion["levels"][number];
/** A rubric of scored criteria only, as homework grades with. */
export type ScoredRubric = LevelsCriterion[];

// Homework rubrics were stored before criteria had a kind: a criterion without one has levels.
const StoredRubricSchema = z.preprocess(
  (raw) => (Array.isArray(raw) ? raw.map((c) => (c && typeof c === "object" && !("kind" in c) ? { ...c, kind: "levels" } : c)) : raw),
  RubricSchema,
);

/** The rubric stored in a Json column, or null when there is none or it no longer parses. */
export function rubricOf(raw: unknown): Rubric | null {
  const parsed = StoredRubricSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export const scoredCriteria = (rubric: Rubric): ScoredRubric => rubric.filter((c): c is LevelsCriterion => c.kind === "levels");

/** The stored rubric's scored criteria; null when it has none (a homework graded by points). */
export function scoredRubricOf(raw: unknown): ScoredRubric | null {
  const scored = scoredCriteria(rubricOf(raw) ?? []);
  return scored.length ? scored : null;
}

/** The most a rubric awards: the top level of every scored criterion. */
export const rubricMaxPoints = (rubric: Rubric): number =>
  scoredCriteria(rubric).reduce((sum, c) => sum + Math.max(...c.levels.map((l) => l.points)), 0);

/**
 * Points for the picked levels ({ criterionId: levelId }): the sum of the chosen levels. null when a scored criterion
 * has no level picked or names a level the criterion does not have (an incomplete assessment is not a zero).
 */
export function rubricScore(rubric: Rubric, picks: Record<string, string>): number | null {
  let sum = 0;
  for (const criterion of scoredCriteria(rubric)) {
    const level = criterion.levels.find((l) => l.id === picks[criterion.id]);
    if (!level) return null;
    sum += level.points;
  }
  return sum;
}

/**
 * What decides a score: criteria, their kinds, levels and points (titles and descriptors may still change once
 * something is graded). Compare two rubrics' shapes to tell whether a change would alter given grades.
 */
export const scoringShape = (rubric: Rubric | null): string =>
  JSON.stringify(rubric?.map((c) => [c.id, c.kind, c.kind === "levels" ? c.levels.map((l) => [l.id, l.points]) : null]) ?? null);

/** A stored { criterionId: text } map — picked level ids or comments; anything that is not a string is left out. */
export const criterionMapOf = (value: unknown): Record<string, string> =>
  value && typeof value === "object" && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"))
    : {};
