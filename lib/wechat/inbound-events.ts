import { markUnreachable } from "@/lib/binding/mark-unreachable";
import { db } from "@/lib/db";

/** WeChat's Status of a template delivery: "success", or "failed:user block", "failed: system failed", … */
export const TEMPLATE_DELIVERED = "success";
/** The student turned off the account's messages (拒收消息) in WeChat. */
export const TEMPLATE_USER_BLOCK = "failed:user block";

const REASON_CHARS = 200;

/**
 * Settles the outbox row that WeChat reports on (TEMPLATESENDJOBFINISH): DELIVERED with the time, or FAILED with
 * WeChat's status as the reason. Only a row still in flight changes, so a late or repeated report cannot undo a
 * settled one. Returns how many rows changed: 0 when the dispatcher has not yet stored the msgid (or never will).
 *
 * "failed:user block" also marks the binding UNREACHABLE: every further send would spend daily quota on a message
 * WeChat throws away, and a high block rate is what WeChat reads as spam. Following again or binding again (the
 * settings page says so) makes the binding active again.
 */
export async function recordTemplateDelivery(wechatMsgId: string, status: string, now = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const rows = await tx.pushMessage.findMany({ where: { wechatMsgId, status: { in: ["SENDING", "SENT"] } }, select: { id: true, userId: true } });
    if (!rows.length) return 0;
    const { count } = await tx.pushMessage.updateMany({
      where: { id: { in: rows.map((row) => row.id) }, status: { in: ["SENDING", "SENT"] } },
      data: status === TEMPLATE_DELIVERED ? { status: "DELIVERED", deliveredAt: now } : { status: "FAILED", reason: status.slice(0, REASON_CHARS) },
    });
    if (count && status === TEMPLATE_USER_BLOCK) {
      for (const userId of new Set(rows.map((row) => row.userId))) await markUnreachable(userId, TEMPLATE_USER_BLOCK, tx);
    }
    return count;
  });
}
