import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";

const WEEK_SECONDS = 7 * 86_400;
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** Monday 00:00 Asia/Shanghai of the week containing `instant`, as a UTC instant. */
export function shanghaiMondayOf(instant: Date): Date {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  const weekday = (local.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - weekday) - SHANGHAI_OFFSET_MS);
}

/** Week n of a term (1 = the week starting at `termStart`) for an instant. */
export const weekOfTerm = (termStart: Date, instant: Date): number =>
  Math.floor((instant.getTime() - termStart.getTime()) / (WEEK_SECONDS * 1000)) + 1;

/**
 * When week 1 of each term starts: the AcademicTerm calendar where there is one, else the Monday of the term's first
 * lesson, else the Monday of this week (a term with no lessons yet).
 */
export async function termStartsOf(terms: readonly string[], now = new Date()): Promise<Map<string, Date>> {
  const unique = [...new Set(terms)];
  const starts = new Map<string, Date>();
  if (!unique.length) return starts;
  const calendar = await db.academicTerm.findMany({ where: { code: { in: unique } }, select: { code: true, startsOn: true } });
  for (const row of calendar) starts.set(row.code, new Date(row.startsOn.getTime() - SHANGHAI_OFFSET_MS));
  const missing = unique.filter((term) => !starts.has(term));
  if (missing.length) {
    const firsts = await db.$queryRaw<{ term: string; first: Date | null }[]>`
      SELECT c.term, min(l."startsAt") AS first
      FROM "Course" c JOIN "Lesson" l ON l."courseId" = c.id
      WHERE c.term = ANY(${missing}::text[])
      GROUP BY c.term`;
    const firstOf = new Map(firsts.map((row) => [row.term, row.first]));
    for (const term of missing) starts.set(term, shanghaiMondayOf(firstOf.get(term) ?? now));
  }
  return starts;
}

/** `(VALUES (term, start epoch seconds), …) AS ts(term, start)`, to join on Course.term. */
export function termStartsTable(starts: Map<string, Date>): Prisma.Sql {
  const rows = [...starts].map(([term, start]) => Prisma.sql`(${term}::text, ${start.getTime() / 1000}::float8)`);
  return Prisma.sql`(VALUES ${Prisma.join(rows)}) AS ts(term, start)`;
}

/** SQL for the week of term of a timestamp column, given `ts` from termStartsTable joined in. */
export const weekSql = (column: Prisma.Sql): Prisma.Sql =>
  Prisma.sql`(floor((extract(epoch FROM ${column}) - ts.start) / ${WEEK_SECONDS}) + 1)::int`;
