import { z } from "zod";

/**
 * A rubric (评分量规): criteria × levels, each level with a descriptor and points; or comment-only criteria that
 * collect feedback and score nothing. Homework grading and peer review store rubrics in this shape (a Json column)
 * and assess with `rubricScore`.
 */
export const RUBRIC_LIMITS = { criteria: 20, levels: 8, title: 100, description: 1000, comment: 5000, points: 1000 } as const;

const RubricLevelSchema = z.object({
  id: z.string().trim().min(1).max(40),
  title: z.string().trim().min(1).max(RUBRIC_LIMITS.title),
  description: z.string().trim().max(RUBRIC_LIMITS.description).default(""),
  points: z.number().min(0).max(RUBRIC_LIMITS.points),
});

const RubricCriterionSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("levels"),
    id: z.string().trim().min(1).max(40),
    title: z.string().trim().min(1).max(RUBRIC_LIMITS.title),
    description: z.string().trim().max(RUBRIC_LIMITS.description).default(""),
    levels: z.array(RubricLevelSchema).min(2).max(RUBRIC_LIMITS.levels),
  }),
  z.object({
    kind: z.literal("comment"),
    id: z.string().trim().min(1).max(40),
    title: z.string().trim().min(1).max(RUBRIC_LIMITS.title),
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
export type RubricCriterion = z.infer<typeof RubricCriterionSchema>;

/** An assessment against a rubric: a level per scored criterion, a comment per criterion (any kind). */
export const RubricAssessmentSchema = z.object({
  levels: z.record(z.string(), z.string()).default({}),
  comments: z.record(z.string(), z.string().max(RUBRIC_LIMITS.comment)).default({}),
});
export type RubricAssessment = z.infer<typeof RubricAssessmentSchema>;

/** The rubric stored in a Json column, or null when there is none or it no longer parses. */
export function rubricOf(raw: unknown): Rubric | null {
  const parsed = RubricSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The most a rubric awards: the top level of every scored criterion. */
export const rubricMaxPoints = (rubric: Rubric): number =>
  rubric.reduce((sum, c) => sum + (c.kind === "levels" ? Math.max(...c.levels.map((l) => l.points)) : 0), 0);

/**
 * Points of an assessment: the sum of the chosen levels. null when a scored criterion has no level chosen or names
 * a level the criterion does not have (an incomplete assessment is not a zero).
 */
export function rubricScore(rubric: Rubric, assessment: Pick<RubricAssessment, "levels">): number | null {
  let sum = 0;
  for (const criterion of rubric) {
    if (criterion.kind !== "levels") continue;
    const level = criterion.levels.find((l) => l.id === assessment.levels[criterion.id]);
    if (!level) return null;
    sum += level.points;
  }
  return sum;
}
