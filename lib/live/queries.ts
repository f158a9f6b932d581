import { db } from "@/lib/db";
import type { AttendanceCounts, LostCounts, TopicResults } from "./events";
import { isPoll, type TopicKind } from "./schemas";
import { type TopicRow, topicSelect } from "./views";

// Reads for the live state and for the counts the board refreshes. Callers have authorized the lesson.

const LOST_WINDOW_MINUTES = 30;
const LOST_RECENT_MS = 2 * 60_000;

/** The open topic, or else the last closed one (its results stay on students' screens until the next opens). */
export async function findCurrentTopic(lessonId: string): Promise<TopicRow | null> {
  const open = await db.topic.findFirst({ where: { lessonId, status: "OPEN" }, orderBy: { openedAt: "desc" }, select: topicSelect });
  return open ?? db.topic.findFirst({ where: { lessonId }, orderBy: { openedAt: "desc" }, select: topicSelect });
}

export async function listPastTopics(lessonId: string) {
  const topics = await db.topic.findMany({
    where: { lessonId, status: "CLOSED" },
    orderBy: { openedAt: "desc" },
    select: { ...topicSelect, _count: { select: { answers: true } } },
  });
  return topics.map(({ _count, ...topic }) => ({ topic, answerCount: _count.answers }));
}

export const findOpenSignIn = (lessonId: string) =>
  db.signInSession.findFirst({ where: { lessonId, closedAt: null }, orderBy: { openedAt: "desc" } });

export const findLatestSignIn = (lessonId: string) =>
  db.signInSession.findFirst({ where: { lessonId }, orderBy: { openedAt: "desc" } });

/** Answer count and, for polls, how many students chose each option (one answer per student; races counted once). */
export async function countTopicResults(topic: { id: string; kind: TopicKind; options: string[] }): Promise<{ answerCount: number; counts: number[] | null }> {
  const [{ answers, students }] = await db.$queryRaw<{ answers: number; students: number }[]>`
    SELECT count(*)::int AS answers, count(DISTINCT "studentId")::int AS students FROM "TopicAnswer" WHERE "topicId" = ${topic.id}`;
  if (!isPoll(topic.kind)) return { answerCount: answers, counts: null };
  const rows = await db.$queryRaw<{ choice: number; n: number }[]>`
    SELECT c::int AS choice, count(DISTINCT a."studentId")::int AS n
    FROM "TopicAnswer" a CROSS JOIN LATERAL unnest(a.choices) AS c
    WHERE a."topicId" = ${topic.id} GROUP BY c`;
  const counts = topic.options.map(() => 0);
  for (const row of rows) if (row.choice >= 0 && row.choice < counts.length) counts[row.choice] = row.n;
  return { answerCount: students, counts };
}

/** Staff always see poll counts; students while the topic shows results live, and everyone once it closed. */
export function resultsFor(
  viewer: "student" | "staff",
  topic: { id: string; kind: TopicKind; liveResults: boolean; status: "OPEN" | "CLOSED" },
  raw: { answerCount: number; counts: number[] | null },
): TopicResults {
  const visible = viewer === "staff" || topic.liveResults || topic.status === "CLOSED";
  return { topicId: topic.id, answerCount: raw.answerCount, counts: isPoll(topic.kind) && visible ? raw.counts : null };
}

export async function countAttendance(lessonId: string, courseId: string): Promise<AttendanceCounts> {
  const [enrolled, groups] = await Promise.all([
    db.courseMember.count({ where: { courseId, role: "STUDENT" } }),
    db.attendance.groupBy({ by: ["status"], where: { lessonId }, _count: { _all: true } }),
  ]);
  const of = (status: "PRESENT" | "LATE" | "ABSENT") => groups.find((g) => g.status === status)?._count._all ?? 0;
  return { enrolled, present: of("PRESENT"), late: of("LATE"), absent: of("ABSENT") };
}

/** Distinct students per minute (a student pressing twice in a minute is one confused student). */
export async function countLost(lessonId: string, now = new Date()): Promise<LostCounts> {
  const currentMinute = Math.floor(now.getTime() / 60_000);
  const firstMinute = currentMinute - LOST_WINDOW_MINUTES + 1;
  const since = new Date(firstMinute * 60_000);
  // Timestamps are stored as UTC without a zone: compare in epoch seconds, whatever the session's time zone.
  const sinceSeconds = firstMinute * 60;
  const recentSeconds = (now.getTime() - LOST_RECENT_MS) / 1000;
  const [rows, [recent]] = await Promise.all([
    db.$queryRaw<{ minute: number; n: number }[]>`
      SELECT floor(extract(epoch FROM "createdAt") / 60)::int AS minute, count(DISTINCT "studentId")::int AS n
      FROM "LostSignal" WHERE "lessonId" = ${lessonId} AND "createdAt" >= to_timestamp(${sinceSeconds}) AT TIME ZONE 'UTC'
      GROUP BY 1`,
    db.$queryRaw<{ n: number }[]>`
      SELECT count(DISTINCT "studentId")::int AS n FROM "LostSignal"
      WHERE "lessonId" = ${lessonId} AND "createdAt" >= to_timestamp(${recentSeconds}) AT TIME ZONE 'UTC'`,
  ]);
  const perMinute = Array.from({ length: LOST_WINDOW_MINUTES }, () => 0);
  for (const row of rows) {
    const index = row.minute - firstMinute;
    if (index >= 0 && index < perMinute.length) perMinute[index] = row.n;
  }
  return { since: since.toISOString(), perMinute, recent: recent?.n ?? 0 };
}
