import type { Prisma } from "@/generated/prisma/client";
import { type Tx, db } from "@/lib/db";
import { type DrawAssignment, type Shuffle, assignDraws } from "./draw-matching";

export interface DrawRule {
  tag: string | null;
  difficulty: number | null;
  count: number;
}

/** The ids of the bank questions each draw may pick from, leaving out the quiz's fixed questions. */
export async function drawPoolsOf(
  client: Tx | typeof db,
  scope: Prisma.QuestionWhereInput,
  draws: readonly DrawRule[],
  excludedIds: readonly string[],
): Promise<string[][]> {
  return Promise.all(
    draws.map(async (draw) => {
      const rows = await client.question.findMany({
        where: {
          AND: [
            scope,
            { id: { notIn: [...excludedIds] } },
            draw.tag ? { tags: { has: draw.tag } } : {},
            draw.difficulty ? { difficulty: draw.difficulty } : {},
          ],
        },
        select: { id: true },
        orderBy: { id: "asc" },
      });
      return rows.map((row) => row.id);
    }),
  );
}

export async function drawQuestions(
  scope: Prisma.QuestionWhereInput,
  draws: readonly DrawRule[],
  excludedIds: readonly string[],
  shuffle: Shuffle,
): Promise<DrawAssignment> {
  const pools = await drawPoolsOf(db, scope, draws, excludedIds);
  return assignDraws(
    pools,
    draws.map((draw) => draw.count),
    shuffle,
  );
}
