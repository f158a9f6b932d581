import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { atRiskFactsSql } from "./at-risk-facts";
import { COURSE_DETAIL_KINDS, COURSE_WIDE_KINDS, type CountRow, type DetailedCountRow, countsSql } from "./collect-measures";
import { queryJsonRows } from "./json-rows";
import { termStartsOf } from "./term-weeks";

/*
 * The maintained summaries behind the dashboards: AnalyticsCount (counts per course, class and subject) and
 * AnalyticsStudentFact (the at-risk inputs per course and student), rebuilt course by course from the activity
 * tables. Reading a few thousand summary rows keeps every dashboard well under 500 ms on PGlite with a 2,000-student
 * school, where summing the activity tables directly takes seconds.
 *
 * Freshness: a course's summaries are rebuilt when first needed (synchronously), and when older than
 * REFRESH_AFTER_MS they are served as they are while a rebuild runs in the background (stale-while-revalidate);
 * the pages show when the figures were computed and offer "refresh now". Analytics never needs to be to the
 * second, and the activity tables are written by the live lesson, which must not wait for dashboards.
 */

export const REFRESH_AFTER_MS = 10 * 60_000;
/** Courses rebuilt per transaction: short transactions so that PGlite's one connection is never held for long. */
const BATCH = 6;

const inFlight = new Set<string>();

/** Rebuilds the summaries of the given courses as of `now`, a few courses per transaction. */
export async function refreshSummaries(courseIds: readonly string[], now = new Date()): Promise<void> {
  const ids = [...new Set(courseIds)].sort();
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const courses = await db.course.findMany({ where: { id: { in: batch } }, select: { id: true, term: true } });
    if (!courses.length) continue;
    const present = courses.map((course) => course.id).sort();
    const starts = await termStartsOf(courses.map((course) => course.term), now);
    await db.$transaction(
      async (tx) => {
        // Row locks on the refresh markers, in id order: two instances rebuilding the same course take turns.
        await tx.$executeRaw`
          INSERT INTO "AnalyticsRefresh"("courseId", "asOf", "refreshedAt")
          SELECT id, ${now}::timestamp, now() FROM unnest(${present}::text[]) AS id
          ON CONFLICT ("courseId") DO UPDATE SET "asOf" = EXCLUDED."asOf", "refreshedAt" = EXCLUDED."refreshedAt"`;
        await tx.$executeRaw`DELETE FROM "AnalyticsCount" WHERE "courseId" = ANY(${present}::text[])`;
        await tx.$executeRaw`DELETE FROM "AnalyticsStudentFact" WHERE "courseId" = ANY(${present}::text[])`;
        await tx.$executeRaw`
          INSERT INTO "AnalyticsCount"("courseId", "classId", kind, "subjectId", week, a, b, c)
          SELECT "courseId", "classId", kind, "subjectId", week, a, b, c FROM (${countsSql(present, starts, {}, now)}) counts`;
        await tx.$executeRaw`
          INSERT INTO "AnalyticsStudentFact"("courseId", "userId", "enrolledAt", "quizPercents", "preClassDue", "preClassDone", "signInsHeld", attended, "lastActivityAt")
          SELECT * FROM (${atRiskFactsSql(present, now)}) facts`;
      },
      { timeout: 120_000, maxWait: 60_000 },
    );
  }
}

/**
 * For the server's schedule: rebuilds up to `limit` courses whose summaries are missing or older than
 * REFRESH_AFTER_MS, oldest first, so that a dashboard rarely has to build them while someone waits. A few courses per
 * run keeps PGlite's single connection free for the live lesson in between. Returns how many it rebuilt.
 */
export async function refreshStaleSummaries(now = new Date(), limit = BATCH): Promise<number> {
  const due = await db.$queryRaw<{ id: string }[]>`
    SELECT c.id FROM "Course" c LEFT JOIN "AnalyticsRefresh" r ON r."courseId" = c.id
    WHERE NOT c.archived AND (r."asOf" IS NULL OR r."asOf" < ${new Date(now.getTime() - REFRESH_AFTER_MS)})
    ORDER BY r."asOf" ASC NULLS FIRST, c.id LIMIT ${limit}`;
  const ids = due.map((row) => row.id).filter((id) => !inFlight.has(id));
  if (!ids.length) return 0;
  ids.forEach((id) => inFlight.add(id));
  try {
    await refreshSummaries(ids, now);
  } finally {
    ids.forEach((id) => inFlight.delete(id));
  }
  return ids.length;
}

/**
 * "Refresh now" over several courses: the `limit` courses with the oldest summaries (missing ones first) are rebuilt
 * while the user waits, the rest in the background, so that a whole school's refresh answers in seconds, not
 * minutes. Returns how many of each.
 */
export async function refreshOldestFirst(courseIds: readonly string[], now: Date, limit: number): Promise<{ refreshed: number; queued: number }> {
  const ids = [...new Set(courseIds)];
  const markers = await db.analyticsRefresh.findMany({ where: { courseId: { in: ids } }, select: { courseId: true, asOf: true } });
  const asOf = new Map(markers.map((marker) => [marker.courseId, marker.asOf.getTime()]));
  const oldestFirst = ids.sort((a, b) => (asOf.get(a) ?? -Infinity) - (asOf.get(b) ?? -Infinity) || a.localeCompare(b));
  const inRequest = oldestFirst.slice(0, limit);
  const inBackground = oldestFirst.slice(limit);
  await refreshSummaries(inRequest, now);
  refreshInBackground(inBackground, now);
  return { refreshed: inRequest.length, queued: inBackground.length };
}

function refreshInBackground(courseIds: string[], now: Date) {
  const ids = courseIds.filter((id) => !inFlight.has(id));
  if (!ids.length) return;
  ids.forEach((id) => inFlight.add(id));
  refreshSummaries(ids, now)
    .catch((error) => console.error("[analytics] background refresh failed:", error))
    .finally(() => ids.forEach((id) => inFlight.delete(id)));
}

/**
 * Makes sure the courses have summaries: missing ones are built now, stale ones (older than REFRESH_AFTER_MS as
 * seen from `now`) are rebuilt in the background. Returns when the oldest of them was computed (null: no courses).
 */
export async function ensureSummaries(courseIds: readonly string[], now = new Date()): Promise<Date | null> {
  if (!courseIds.length) return null;
  const ids = [...courseIds];
  const markers = await db.analyticsRefresh.findMany({ where: { courseId: { in: ids } }, select: { courseId: true, asOf: true } });
  const known = new Map(markers.map((m) => [m.courseId, m.asOf]));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length) await refreshSummaries(missing, now);
  const stale = markers.filter((m) => Math.abs(now.getTime() - m.asOf.getTime()) > REFRESH_AFTER_MS).map((m) => m.courseId);
  if (stale.length) refreshInBackground(stale, now);
  const times = [...markers.map((m) => m.asOf.getTime()), ...(missing.length ? [now.getTime()] : [])];
  return new Date(Math.min(...times));
}

/** Summed counts per kind, course and week, for the whole course or one class of it. */
export async function readCounts(courseIds: readonly string[], classId?: string): Promise<CountRow[]> {
  if (!courseIds.length) return [];
  const byClass = classId
    ? Prisma.sql`AND ("classId" = ${classId} OR kind = ANY(${[...COURSE_WIDE_KINDS]}::text[]))`
    : Prisma.empty;
  // A whole school's are thousands of rows: read as JSON (lib/analytics/json-rows.ts).
  return queryJsonRows<CountRow>(Prisma.sql`
    SELECT kind, "courseId", week, sum(a)::float8 AS a, sum(b)::float8 AS b, sum(c)::float8 AS c
    FROM "AnalyticsCount"
    WHERE "courseId" = ANY(${[...courseIds]}::text[]) AND kind <> ALL(${[...COURSE_DETAIL_KINDS]}::text[]) ${byClass}
    GROUP BY kind, "courseId", week`);
}

/** One course's counts per subject (lesson, objective, quiz, question, homework), all classes together. */
export async function readSubjectCounts(courseId: string): Promise<DetailedCountRow[]> {
  return queryJsonRows<DetailedCountRow>(Prisma.sql`
    SELECT kind, "courseId", '' AS "classId", "subjectId", week, sum(a)::float8 AS a, sum(b)::float8 AS b, sum(c)::float8 AS c
    FROM "AnalyticsCount" WHERE "courseId" = ${courseId}
    GROUP BY kind, "courseId", "subjectId", week`);
}
