import type { PushStatus } from "@/generated/prisma/client";
import { type Actor, authorizeLesson } from "@/lib/auth/authz";
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
  /** The topic's prompt for a "live_topic" push (shown to staff only). */
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

/**
 * Per push of a lesson (kind + subject, e.g. one opened topic), how many rows are in each state and why the skipped,
 * deferred and failed ones are. Staff with "feedback.view" (teachers, assistants, department admins); students get
 * auth.forbidden, outsiders not_found. Newest push first.
 */
export async function getPushStats(actor: Actor, lessonId: string): Promise<PushStat[]> {
  await authorizeLesson(actor, lessonId, "feedback.view");
  // The subject sits in the dedupe key (kind:subject:userId), which the feedback summary has without an event.
  const groups = await db.$queryRaw<GroupRow[]>`
    SELECT "kind", split_part("dedupeKey", ':', 2) AS "subject", "status"::text AS "status", "reason",
           COUNT(*)::int AS "count", MIN("createdAt") AS "firstAt"
    FROM "PushMessage"
    WHERE "lessonId" = ${lessonId}
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

  const topicIds = [...stats.values()].filter((s) => s.kind === "live_topic").map((s) => s.subject);
  if (topicIds.length) {
    const topics = await db.topic.findMany({ where: { id: { in: topicIds }, lessonId }, select: { id: true, prompt: true } });
    const prompts = new Map(topics.map((t) => [t.id, t.prompt]));
    for (const stat of stats.values()) if (stat.kind === "live_topic") stat.label = prompts.get(stat.subject) ?? null;
  }

  return [...stats.values()]
    .map((stat) => ({ ...stat, summary: summaryOf(stat.counts), reasons: stat.reasons.sort((a, b) => b.count - a.count) }))
    .sort((a, b) => b.firstAt.getTime() - a.firstAt.getTime());
}
