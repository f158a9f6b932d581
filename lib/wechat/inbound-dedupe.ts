import { db } from "@/lib/db";
import { prismaCodeOf } from "@/lib/errors";
import { type InboundMessage, dedupeKeyOf } from "./inbound-message";
import { runDetached } from "./inbound-work";

/** WeChat retries within seconds (three tries, five seconds apart); a day of keys is ample. */
const KEEP_MS = 24 * 60 * 60_000;
const PRUNE_EVERY_MS = 60 * 60_000;
let lastPrune = 0;

/**
 * Records a delivery before it is handled. False when it was recorded before: a retry of a delivery that is
 * handled (or being handled) already, which must not be processed twice.
 */
export async function claimInbound(message: InboundMessage, now = new Date()): Promise<boolean> {
  try {
    await db.wechatInbound.create({
      data: { dedupeKey: dedupeKeyOf(message), openid: message.from, msgType: message.event ? `event:${message.event}` : message.msgType },
      select: { dedupeKey: true },
    });
  } catch (error) {
    if (prismaCodeOf(error) === "P2002") return false;
    throw error;
  }
  pruneNow(now);
  return true;
}

function pruneNow(now: Date) {
  if (now.getTime() - lastPrune < PRUNE_EVERY_MS) return;
  lastPrune = now.getTime();
  runDetached("pruning handled deliveries", () => db.wechatInbound.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - KEEP_MS) } } }));
}
