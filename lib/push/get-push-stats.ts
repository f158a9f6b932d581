import type { PushStatus } from "@/generated/prisma/client";
import { Prisma } from "@/generated/prisma/client";
import { type Actor, authorizeCourse, authorizeLesson } from "@/lib/auth/authz";
import { db } from "@/lib/db";

const PUSH_STATUSES: readonly PushStatus[] = ["QUEUED", "DEFERRED", "SENDING", "SENT", "DELIVERED", "FAILED", "SKIPPED"];

export interface PushReason {
  status: PushStatus;
  /** A code (not_bound, quiet_hours, retry, fatal …), see messages/<locale>/push.json "reasons". */
  code: string;
  /** The WeChat errcode after the colon, when there was one. */
  detail: string | null;
  count: number;
}

export interface PushStat {
  kind: string;
  /** What the push is about: the pre-class package, the topic … */
  subject: string;
  /** The topic's prompt for a "live_topic" push, the quiz's, homework's or peer review's title (staff only). */
  label: string | null;
  firstAt: Date;
  total: number;
  counts: Record<PushStatus, number>;
  /** What the teacher sees: sent includes delivered; pending is queued or being sent right now. */
  summary: Record<"sent" | "delivered" | "pending" | "deferred" | "skipped" | "failed", number>;
  reasons: PushReason[];
}

interface GroupRow {
  kind: string;
  subject: string;
  status: PushStatus;
  reason: string | null;
  count: number;
  firstAt: Date;
}

const zeroCounts = () => Object.fromEntries(PUSH_STATUSES.map((s) => [s, 0])) as Record<PushStatus, number>;

const summaryOf = (c: Record<PushStatus, number>): PushStat["summary"] => ({
  sent: c.SENT + c.DELIVERED,
  delivered: c.DELIVERED,
  pending: c.QUEUED + c.SENDING,
  deferred: c.DEFERRED,
  skipped: c.SKIPPED,
  failed: c.FAILED,
});

/** Staff-only labels of what a push was about, by subject id: the topic's prompt, or the activity's title. */
async function labelsOf(stats: readonly PushStat[]): Promise<Map<string, string>> {
  const ids = (kind: string) => stats.filter((s) => s.kind === kind).map((s) => s.subject.split(":")[0]);
  const [topics, quizzes, homework, peer] = await Promise.all([
    db.topic.findMany({ where: { id: { in: ids("live_topic") } }, select: { id: true, prompt: true } }),
    db.quiz.findMany({ where: { id: { in: ids("quiz_published") } }, select: { id: true, title: true } }),
    db.homework.findMany({ where: { id: { in: [...ids("homework_published"), ...ids("deadline_reminder")] } }, select: { id: true, title: true } }),
    db.peerReview.findMany({ where: { id: { in: ids("peer_review") } }, select: { id: true, title: true } }),
  ]);
  return new Map([
    ...topics.map((t) => [t.id, t.prompt] as const),
    ...[...quizzes, ...homework, ...peer].map((a) => [a.id, a.title] as const),
  ]);
}

/**
 * Per push (kind + subject, e.g. one opened topic or one published quiz), how many rows are in each state and why
 * the skipped, deferred and failed ones are — of one lesson, or of a whole course (its after-class pushes have no
 * lesson). Staff with "feedback.view" (teachers, assistants, department admins); students get auth.forbidden,
 * outsiders not_found. Newest push first.
 */
export async function getPushStats(actor: Actor, scope: { lessonId: string } | { courseId: string }): Promise<PushStat[]> {
  const where =
    "lessonId" in scope
      ? (await authorizeLesson(actor, scope.lessonId, "feedback.view"), Prisma.sql`"lessonId" = ${scope.lessonId}`)
      : (await authorizeCourse(actor, scope.courseId, "feedback.view"), Prisma.sql`"courseId" = ${scope.courseId}`);
  // The subject sits in the dedupe key (kind:subject:userId); a peer review's subject is activity:phase or
  // activity:round, so everything but the last part is the subject.
  const groups = await db.$queryRaw<GroupRow[]>`
    SELECT "kind", regexp_replace(substr("dedupeKey", length("kind") + 2), ':[^:]*$', '') AS "subject",
           "status"::text AS "status", "reason", COUNT(*)::int AS "count", MIN("createdAt") AS "firstAt"
    FROM "PushMessage"
    WHERE ${where}
    GROUP BY 1, 2, 3, 4`;

  const stats = new Map<string, PushStat>();
  for (const row of groups) {
    const key = `${row.kind}:${row.subject}`;
    let stat = stats.get(key);
    if (!stat) {
      stat = { kind: row.kind, subject: row.subject, label: null, firstAt: row.firstAt, total: 0, counts: zeroCounts(), summary: summaryOf(zeroCounts()), reasons: [] };
      stats.set(key, stat);
    }
    stat.total += row.count;
    stat.counts[row.status] += row.count;
    if (row.firstAt < stat.firstAt) stat.firstAt = row.firstAt;
    if (row.reason && row.status !== "SENT" && row.status !== "DELIVERED") {
      const [code, ...detail] = row.reason.split(":");
      stat.reasons.push({ status: row.status, code, detail: detail.length ? detail.join(":") : null, count: row.count });
    }
  }

  const labels = await labelsOf([...stats.values()]);
  return [...stats.values()]
    .map((stat) => ({
      ...stat,
      label: labels.get(stat.subject.split(":")[0]) ?? null,
      summary: summaryOf(stat.counts),
      reasons: stat.reasons.sort((a, b) => b.count - a.count),
    }))
    .sort((a, b) => b.firstAt.getTime() - a.firstAt.getTime());
}
