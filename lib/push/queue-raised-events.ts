import { db } from "@/lib/db";
import { type RaisedEvent, enqueuePushesForEvent } from "./enqueue-pushes";

/**
 * Expands committed domain events into outbox rows, oldest first, each event exactly once: the events are claimed
 * with FOR UPDATE SKIP LOCKED (several app instances never expand one twice) and marked in the same transaction,
 * and the rows' dedupe keys make even a repeated expansion harmless. Returns how many events it expanded.
 */
export async function queuePushesForRaisedEvents(limit = 20): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const events = await tx.$queryRaw<RaisedEvent[]>`
        SELECT "id", "type", "courseId", "lessonId", "subjectId", "payload", "createdAt" FROM "DomainEvent"
        WHERE "pushesQueuedAt" IS NULL ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
      for (const event of events) await enqueuePushesForEvent(tx, event);
      if (events.length) {
        await tx.domainEvent.updateMany({ where: { id: { in: events.map((event) => event.id) } }, data: { pushesQueuedAt: new Date() } });
      }
      return events.length;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
