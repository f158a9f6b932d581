// Builders for the callback tests and the callback benchmark (not imported by the app): deliveries signed the way
// WeChat signs them, and students with a WeChat binding and consent.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { type WechatConfig, wechatConfig } from "./config";
import { encryptMessage } from "./crypto";
import { callbackSignature, msgSignature } from "./signature";
import { buildXml } from "./xml";

export const ACCOUNT_ID = "gh_0medblend0test";

let sequence = 0;
/** A fresh MsgId: 64-bit decimal, like WeChat's. */
export const nextMsgId = () => `${BigInt(Date.now()) * 1000n + BigInt(++sequence % 1000)}${randomBytes(2).readUInt16BE() % 10}`;

export const openidOf = () => `o${randomBytes(14).toString("base64url")}`;

export function textMessage(openid: string, content: string, msgId = nextMsgId(), createTime = Math.floor(Date.now() / 1000)) {
  return { ToUserName: ACCOUNT_ID, FromUserName: openid, CreateTime: createTime, MsgType: "text", Content: content, MsgId: msgId };
}

export function eventMessage(openid: string, event: string, extra: Record<string, string> = {}, createTime = Math.floor(Date.now() / 1000)) {
  return { ToUserName: ACCOUNT_ID, FromUserName: openid, CreateTime: createTime, MsgType: "event", Event: event, ...extra };
}

export interface DeliveryOptions {
  mode?: "raw" | "aes";
  /** Seconds; default now. */
  timestamp?: number;
  nonce?: string;
  config?: WechatConfig;
  /** Overrides of the signed query (e.g. a wrong signature). */
  query?: Record<string, string | null>;
}

const BASE = "http://localhost:3000/api/wechat/callback";

/** A POST as WeChat sends it: plaintext with `signature`, or safe mode with the body encrypted and `msg_signature`. */
export function deliveryRequest(body: string, options: DeliveryOptions = {}): Request {
  const config = options.config ?? wechatConfig();
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? String(1_000_000_000 + (++sequence % 1_000_000));
  const query: Record<string, string | null> = { signature: callbackSignature(config.token, timestamp, nonce), timestamp, nonce };
  let payload = body;
  if (options.mode === "aes") {
    const encrypt = encryptMessage(body, config);
    payload = buildXml({ ToUserName: ACCOUNT_ID, Encrypt: encrypt });
    Object.assign(query, { encrypt_type: "aes", msg_signature: msgSignature(config.token, timestamp, nonce, encrypt) });
  }
  return new Request(urlWith({ ...query, ...options.query }), { method: "POST", body: payload, headers: { "Content-Type": "text/xml" } });
}

export function urlWith(query: Record<string, string | null>): string {
  const url = new URL(BASE);
  for (const [name, value] of Object.entries(query)) if (value !== null) url.searchParams.set(name, value);
  return url.toString();
}

/** Binds a user's WeChat with consent, as lib/binding's bindWechat leaves it. */
export async function bindForTest(userId: string, openid = openidOf()) {
  await db.wechatBinding.create({ data: { userId, openid } });
  await db.wechatConsent.create({ data: { userId, openid, textVersion: "test", action: "GRANTED" } });
  return openid;
}
