import { z } from "zod";
import {
  type CallbackCredentials,
  type CallbackMode,
  type CallbackTarget,
  postDelivery,
  readPassiveReply,
  signDelivery,
} from "./callback";
import type { SimWorld } from "./world";

/** One delivery to the app's callback and what came of it. */
export interface SimDelivery {
  openid: string;
  /** "text", or the event name. */
  kind: string;
  mode: CallbackMode;
  fields: Record<string, string>;
  /** The app's HTTP status; null when it never answered. */
  status: number | null;
  attempts: number;
  duplicated: boolean;
  /** The app's passive reply, decrypted. */
  reply: Record<string, string> | null;
  error?: string;
  at: Date;
}

export const DeliverSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("text"),
    openid: z.string(),
    content: z.string().min(1).max(2000),
    mode: z.enum(["plain", "aes"]).optional(),
  }),
  z.object({
    type: z.literal("event"),
    openid: z.string(),
    event: z.string().min(1).max(64),
    eventKey: z.string().max(256).optional(),
    /** Further fields of the event, e.g. MsgID and Status of TEMPLATESENDJOBFINISH. */
    fields: z.record(z.string(), z.string()).optional(),
    mode: z.enum(["plain", "aes"]).optional(),
  }),
]);

export type DeliverInput = z.infer<typeof DeliverSchema>;

export interface DeliveryContext {
  world: SimWorld;
  credentials: CallbackCredentials;
  /** The service account's original id: ToUserName of every delivery. */
  accountId: string;
  defaultMode: CallbackMode;
  callback: () => CallbackTarget | undefined;
  /** How long WeChat waits for an answer before delivering again. */
  timeoutMs: number;
  random: () => number;
  now: () => Date;
  log: (line: string) => void;
  /** Every delivery is recorded here. */
  deliveries: SimDelivery[];
}

// A callback given as a function has no URL of its own; the route reads only the signed query.
const FUNCTION_CALLBACK_BASE = "http://127.0.0.1/api/wechat/callback";
const WECHAT_UNAVAILABLE = "该公众号暂时无法提供服务，请稍后再试";
/** WeChat delivers a message up to 3 times when the app does not answer within 5 seconds. */
const DELIVERY_ATTEMPTS = 3;

/** A user's message or event, sent to the app's callback signed (and in safe mode encrypted) like WeChat. */
export async function deliverToApp(ctx: DeliveryContext, input: DeliverInput): Promise<SimDelivery> {
  const { world } = ctx;
  const user = world.users.get(input.openid);
  if (!user) throw new Error(`unknown openid ${input.openid}`);
  const at = ctx.now();
  const fields: Record<string, string> = {
    ToUserName: ctx.accountId,
    FromUserName: user.openid,
    CreateTime: String(Math.floor(at.getTime() / 1000)),
    ...(input.type === "text"
      ? { MsgType: "text", Content: input.content, MsgId: world.newUserMsgId() }
      : { MsgType: "event", Event: input.event, ...(input.eventKey ? { EventKey: input.eventKey } : {}), ...input.fields }),
  };
  const chatEntry = input.type === "text" ? world.addChat(user.openid, { from: "user", text: input.content }) : undefined;
  const mode = input.mode ?? ctx.defaultMode;
  const delivery: SimDelivery = {
    openid: user.openid,
    kind: input.type === "text" ? "text" : input.event,
    mode,
    fields,
    status: null,
    attempts: 0,
    duplicated: false,
    reply: null,
    at,
  };
  ctx.deliveries.push(delivery);
  const target = ctx.callback();
  if (!target) delivery.error = "no callback configured";
  else await post(ctx, target, delivery);
  if (delivery.reply?.MsgType === "text" && delivery.reply.Content) {
    world.addChat(user.openid, { from: "app", text: delivery.reply.Content });
  }
  if (chatEntry && delivery.error) chatEntry.error = `${WECHAT_UNAVAILABLE}（${delivery.error}）`;
  ctx.log(`callback ${delivery.kind} from ${user.nickname} (${mode}): ${delivery.error ?? `HTTP ${delivery.status}`}`);
  return delivery;
}

async function post(ctx: DeliveryContext, target: CallbackTarget, delivery: SimDelivery): Promise<void> {
  const base = typeof target === "string" ? target : FUNCTION_CALLBACK_BASE;
  const signed = signDelivery(base, delivery.fields, delivery.mode, ctx.credentials, delivery.at);
  const rate = ctx.world.faults.duplicateCallbacks;
  delivery.duplicated = rate > 0 && ctx.random() < rate;
  const once = () => postDelivery(target, signed, { timeoutMs: ctx.timeoutMs, attempts: DELIVERY_ATTEMPTS });
  const [first] = await Promise.all(delivery.duplicated ? [once(), once()] : [once()]);
  delivery.status = first.status;
  delivery.attempts = first.attempts;
  if (first.error) delivery.error = first.error;
  else if (first.status !== 200) delivery.error = `HTTP ${first.status}`;
  else {
    try {
      delivery.reply = readPassiveReply(first.body, delivery.mode, ctx.credentials);
    } catch (error) {
      delivery.error = error instanceof Error ? error.message : String(error);
    }
  }
}
