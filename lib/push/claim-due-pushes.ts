import { db } from "@/lib/db";

/** A row the caller now holds: status SENDING until `leaseUntil`, which is also its fencing token. */
export interface ClaimedPush {
  id: string;
  userId: string;
  kind: string;
  title: string;
  time: Date | null;
  url: string;
  urgent: boolean;
  attempts: number;
  leaseUntil: Date;
  /** Its previous lease expired while SENDING (a crashed or stalled dispatcher): it may already have been sent. */
  recovered: boolean;
}

export const LEASE_EXPIRED = "lease_expired";

interface Row extends Omit<ClaimedPush, "leaseUntil" | "recovered"> {
  reason: string | null;
}

// Dates go in as ISO text cast to timestamp(3): the columns hold UTC without a zone, as Prisma writes them.
const at = (instant: Date) => instant.toISOString();

/**
 * Claims up to `limit` due rows — QUEUED or DEFERRED whose time has come, or SENDING whose lease expired — in one
 * statement. FOR UPDATE SKIP LOCKED lets several instances claim at once on PostgreSQL without waiting on or taking
 * each other's rows; a row another instance claimed between our snapshot and our lock is re-checked by PostgreSQL
 * and no longer matches. (PGlite has one connection, so claims there are serial anyway.) A recovered row counts as
 * an attempt, so a row that keeps crashing its dispatcher still runs out of attempts.
 */
export async function claimDuePushes({ now, limit, leaseMs }: { now: Date; limit: number; leaseMs: number }): Promise<ClaimedPush[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const rows = await db.$queryRaw<Row[]>`
    UPDATE "PushMessage"
    SET "status" = 'SENDING',
        "leaseUntil" = CAST(${at(leaseUntil)} AS timestamp(3)),
        "attempts" = CASE WHEN "status" = 'SENDING' THEN "attempts" + 1 ELSE "attempts" END,
        "reason" = CASE WHEN "status" = 'SENDING' THEN ${LEASE_EXPIRED} ELSE "reason" END,
        "updatedAt" = (now() AT TIME ZONE 'UTC')
    WHERE "id" IN (
      SELECT "id" FROM "PushMessage"
      WHERE ("status" IN ('QUEUED', 'DEFERRED') AND "nextAttemptAt" <= CAST(${at(now)} AS timestamp(3)))
         OR ("status" = 'SENDING' AND "leaseUntil" < CAST(${at(now)} AS timestamp(3)))
      ORDER BY "urgent" DESC, "nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "userId", "kind", "title", "time", "url", "urgent", "attempts", "reason"`;
  return rows.map(({ reason, ...row }) => ({ ...row, leaseUntil, recovered: reason === LEASE_EXPIRED }));
}

/** How a claimed row ends this attempt. Fields left out keep their value. */
export interface Settlement {
  status: "QUEUED" | "DEFERRED" | "SENT" | "FAILED" | "SKIPPED";
  reason: string | null;
  attempts?: number;
  nextAttemptAt?: Date;
  wechatMsgId?: string;
  sentAt?: Date;
}

/**
 * Settles claimed rows in one statement, each fenced by its lease: a row whose lease expired and that another
 * dispatcher re-claimed matches nothing, so the other dispatcher's result stands; a row the callback already marked
 * DELIVERED is no longer SENDING and is not touched either. Returns the ids that were settled. (One statement for
 * many rows: on PGlite a statement costs about 2 ms, and this runs for every message.)
 */
export async function settleClaimedPushes(items: readonly { push: ClaimedPush; settlement: Settlement }[]): Promise<Set<string>> {
  if (!items.length) return new Set();
  const values = items.map(({ push, settlement }) => ({
    id: push.id,
    lease: at(push.leaseUntil),
    status: settlement.status,
    reason: settlement.reason,
    attempts: settlement.attempts ?? push.attempts,
    next: settlement.nextAttemptAt ? at(settlement.nextAttemptAt) : null,
    msgid: settlement.wechatMsgId ?? null,
    sent: settlement.sentAt ? at(settlement.sentAt) : null,
  }));
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "PushMessage" AS p
    SET "status" = CAST(v."status" AS "PushStatus"),
        "reason" = v."reason",
        "attempts" = v."attempts",
        "nextAttemptAt" = COALESCE(v."next", p."nextAttemptAt"),
        "wechatMsgId" = COALESCE(v."msgid", p."wechatMsgId"),
        "sentAt" = COALESCE(v."sent", p."sentAt"),
        "leaseUntil" = NULL,
        "updatedAt" = (now() AT TIME ZONE 'UTC')
    FROM jsonb_to_recordset(CAST(${JSON.stringify(values)} AS jsonb)) AS v(
      "id" text, "lease" timestamp(3), "status" text, "reason" text, "attempts" int,
      "next" timestamp(3), "msgid" text, "sent" timestamp(3))
    WHERE p."id" = v."id" AND p."status" = 'SENDING' AND p."leaseUntil" = v."lease"
    RETURNING p."id"`;
  return new Set(rows.map((row) => row.id));
}
