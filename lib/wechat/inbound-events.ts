import { db } from "@/lib/db";

/** WeChat's Status of a template delivery: "success", or "failed:user block", "failed: system failed", … */
export const TEMPLATE_DELIVERED = "success";

const REASON_CHARS = 200;

/**
 * Settles the outbox row that WeChat reports on (TEMPLATESENDJOBFINISH): DELIVERED with the time, or FAILED with
 * WeChat's status as the reason. Only a row still in flight changes, so a late or repeated report cannot undo a
 * settled one. Returns how many rows changed: 0 when the dispatcher has not yet stored the msgid (or never will).
 */
export async function recordTemplateDelivery(wechatMsgId: string, status: string, now = new Date()): Promise<number> {
  const { count } = await db.pushMessage.updateMany({
    where: { wechatMsgId, status: { in: ["SENDING", "SENT"] } },
    data: status === TEMPLATE_DELIVERED ? { status: "DELIVERED", deliveredAt: now } : { status: "FAILED", reason: status.slice(0, REASON_CHARS) },
  });
  return count;
}
