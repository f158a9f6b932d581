import { setSubscribed } from "@/lib/binding/set-subscribed";
import { claimInbound } from "./inbound-dedupe";
import { recordTemplateDelivery } from "./inbound-events";
import { type InboundMessage, dedupeKeyOf } from "./inbound-message";
import { replyText } from "./inbound-replies";
import { answerFromWechat, findWechatActor } from "./inbound-text";
import { runDetached } from "./inbound-work";

/** What the callback answers WeChat: "success" (nothing to show the user) or a passive text reply. */
export type InboundReply = { kind: "success" } | { kind: "text"; content: string };

const SUCCESS: InboundReply = { kind: "success" };
const text = (content: string): InboundReply => ({ kind: "text", content });

/** WeChat may deliver a template report before the dispatcher stored the msgid it was given: look again once. */
export const DELIVERY_REPORT_RETRY_MS = 2000;

/**
 * The acks of recent deliveries, so a retry gets the same reply as the original (WeChat retries when our first
 * reply did not reach it in time). Per instance; a retry reaching another instance gets "success".
 */
const recentAcks = new Map<string, Promise<InboundReply>>();
const RECENT_ACKS = 5000;

/**
 * Deliveries handled at a time. A class replying at once would otherwise queue every reply behind everyone else's
 * queries (with in-process PGlite they even share the thread); beyond this, deliveries wait their turn in a queue
 * and the callback acks them "success" at once. They are stored all the same, only without a confirmation.
 */
export const MAX_HANDLING = 4;
let handling = 0;
const waiting: (() => void)[] = [];

/**
 * Starts handling a delivery now, or queues it when MAX_HANDLING are already being handled: null means queued, to
 * be acked "success" without waiting.
 */
export function handleInboundNowOrLater(message: InboundMessage, now = new Date()): Promise<InboundReply> | null {
  if (handling < MAX_HANDLING && !waiting.length) return counted(() => handleInbound(message, now));
  waiting.push(() => runDetached("queued delivery", () => counted(() => handleInbound(message, now))));
  return null;
}

function counted<T>(work: () => Promise<T>): Promise<T> {
  handling++;
  return work().finally(() => {
    handling--;
    waiting.shift()?.();
  });
}

/**
 * Handles a verified, decrypted callback message and says what to reply. Each delivery is processed at most once.
 * The callback may stop waiting for the reply (WECHAT_ACK_BUDGET_MS); the work goes on regardless.
 */
async function handleInbound(message: InboundMessage, now = new Date()): Promise<InboundReply> {
  if (message.msgType === "text") return handleText(message, now);
  if (message.msgType !== "event") return SUCCESS;
  const openid = message.from;
  switch (message.event) {
    case "subscribe":
    case "unsubscribe": {
      const subscribed = message.event === "subscribe";
      return once(message, now, () => detached("subscription", () => setSubscribed(openid, subscribed)));
    }
    case "templatesendjobfinish": {
      const { msgId, status } = message;
      if (!msgId || !status) return SUCCESS;
      return once(message, now, () => detached("template delivery report", () => settleDelivery(msgId, status, now)));
    }
    default:
      return SUCCESS;
  }
}

async function handleText(message: InboundMessage, now: Date): Promise<InboundReply> {
  const actor = await findWechatActor(message.from);
  // Strangers and unbound students get an explanation; nothing about them is stored.
  if (!actor) return text(replyText("notBound"));
  return once(message, now, () =>
    answerFromWechat(actor, message.content ?? "", now).then(text, (error: unknown) => {
      console.error("[wechat] answer from WeChat failed", error);
      return text(replyText("failed"));
    }),
  );
}

/**
 * Claims the delivery, then handles it. A retry reaching this instance shares the original's ack (registered before
 * any await, so even a concurrent retry does); one reaching another instance loses the claim and gets "success".
 */
function once(message: InboundMessage, now: Date, handle: () => Promise<InboundReply>): Promise<InboundReply> {
  const key = dedupeKeyOf(message);
  const earlier = recentAcks.get(key);
  if (earlier) return earlier;
  const ack = claimInbound(message, now).then((claimed) => (claimed ? handle() : SUCCESS));
  recentAcks.set(key, ack);
  if (recentAcks.size > RECENT_ACKS) recentAcks.delete(recentAcks.keys().next().value!);
  // A delivery that failed before it was claimed may be tried again.
  ack.catch(() => recentAcks.delete(key));
  return ack;
}

async function detached(label: string, work: () => Promise<unknown>): Promise<InboundReply> {
  runDetached(label, work);
  return SUCCESS;
}

async function settleDelivery(msgId: string, status: string, now: Date): Promise<void> {
  if (await recordTemplateDelivery(msgId, status, now)) return;
  await new Promise((resolve) => setTimeout(resolve, DELIVERY_REPORT_RETRY_MS));
  await recordTemplateDelivery(msgId, status, now);
}
