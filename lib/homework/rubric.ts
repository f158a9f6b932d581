import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { RubricCriterionSchema } from "./schemas";

// Type aliases rather than interfaces: they fit Prisma's JSON input type as they are.
export type RubricLevel = {
  id: string;
  title: string;
  description: string;
  points: number;
};

export type RubricCriterion = {
  id: string;
  title: string;
  levels: RubricLevel[];
};

export type Rubric = RubricCriterion[];

const StoredRubricSchema = z.array(
  z.object({
    id: z.string(),
    title: z.string(),
    levels: z.array(z.object({ id: z.string(), title: z.string(), description: z.string().default(""), points: z.number() })),
  }),
);

/** The rubric column as typed criteria; null when the homework is graded by points. */
export function rubricOf(value: Prisma.JsonValue | null): Rubric | null {
  if (value === null) return null;
  const parsed = StoredRubricSchema.safeParse(value);
  return parsed.success && parsed.data.length > 0 ? parsed.data : null;
}

const newId = () => randomBytes(6).toString("base64url");

/** Gives new criteria and levels an id; ids must stay unique so level picks cannot be confused. */
export function withIds(rubric: z.output<typeof RubricCriterionSchema>[]): Rubric {
  const seen = new Set<string>();
  const unique = (id: string | undefined) => {
    let out = id && !seen.has(id) ? id : newId();
    while (seen.has(out)) out = newId();
    seen.add(out);
    return out;
  };
  return rubric.map((criterion) => ({
    id: unique(criterion.id),
    title: criterion.title,
    levels: criterion.levels.map((level) => ({ id: unique(level.id), title: level.title, description: level.description, points: level.points })),
  }));
}

/** The possible points of a rubric: the best level of each criterion. */
export const rubricMax = (rubric: Rubric): number =>
  rubric.reduce((sum, criterion) => sum + Math.max(...criterion.levels.map((level) => level.points)), 0);

/** Points for one level per criterion; every criterion must have a pick of one of its own levels. */
export function rubricScore(rubric: Rubric, picks: Record<string, string>): number {
  let total = 0;
  for (const criterion of rubric) {
    const level = criterion.levels.find((candidate) => candidate.id === picks[criterion.id]);
    if (!level) throw new AppError("homework.rubric_incomplete");
    total += level.points;
  }
  if (Object.keys(picks).some((id) => !rubric.some((criterion) => criterion.id === id))) throw new AppError("validation");
  return total;
}

/** The stored picks ({ criterionId: levelId }), or an empty object. */
export function rubricPicksOf(value: Prisma.JsonValue | null): Record<string, string> {
  const parsed = z.record(z.string(), z.string()).safeParse(value);
  return parsed.success ? parsed.data : {};
}
