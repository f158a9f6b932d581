import { randomInt } from "node:crypto";
import { decryptMessage, encryptMessage } from "@/lib/wechat/crypto";
import { callbackSignature, msgSignature } from "@/lib/wechat/signature";
import { buildXml, parseWechatXml } from "@/lib/wechat/xml";

/** Plaintext, or safe mode (encrypt_type=aes). */
export type CallbackMode = "plain" | "aes";

/** Where the simulator delivers: the app's callback URL, or (in tests) a function standing in for the route. */
export type CallbackTarget = string | ((request: Request) => Promise<Response>);

export interface CallbackCredentials {
  token: string;
  encodingAesKey: string;
  appId: string;
}

export interface SignedDelivery {
  url: string;
  body: string;
}

/** The request WeChat would send for these message fields: signed, and in safe mode encrypted. */
export function signDelivery(
  base: string,
  fields: Record<string, string>,
  mode: CallbackMode,
  credentials: CallbackCredentials,
  now: Date,
): SignedDelivery {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const nonce = String(randomInt(100_000_000, 2_000_000_000));
  const url = new URL(base);
  url.searchParams.set("signature", callbackSignature(credentials.token, timestamp, nonce));
  url.searchParams.set("timestamp", timestamp);
  url.searchParams.set("nonce", nonce);
  url.searchParams.set("openid", fields.FromUserName);
  const xml = buildXml(fields);
  if (mode === "plain") return { url: url.toString(), body: xml };
  const encrypt = encryptMessage(xml, credentials);
  url.searchParams.set("encrypt_type", "aes");
  url.searchParams.set("msg_signature", msgSignature(credentials.token, timestamp, nonce, encrypt));
  return { url: url.toString(), body: buildXml({ ToUserName: fields.ToUserName, Encrypt: encrypt }) };
}

export interface PostResult {
  status: number | null;
  body: string;
  error?: string;
  attempts: number;
}

/**
 * POSTs one delivery as WeChat does: if the app has not answered within 5 seconds (or the connection fails) the
 * same request is sent again, up to 3 times in all.
 */
export async function postDelivery(
  target: CallbackTarget,
  delivery: SignedDelivery,
  options: { timeoutMs: number; attempts: number },
): Promise<PostResult> {
  let error = "";
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    const request = new Request(delivery.url, {
      method: "POST",
      headers: { "content-type": "text/xml; charset=utf-8", "user-agent": "Mozilla/4.0 (MedBlend WeChat simulator)" },
      body: delivery.body,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    try {
      const response = typeof target === "string" ? await fetch(request) : await withTimeout(target(request), options.timeoutMs);
      return { status: response.status, body: await response.text(), attempts: attempt };
    } catch (caught) {
      const name = (caught as { name?: string } | null)?.name;
      error = name === "TimeoutError" || name === "AbortError" ? "no answer within 5 seconds" : "connection failed";
    }
  }
  return { status: null, body: "", error, attempts: options.attempts };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error("timeout"), { name: "TimeoutError" })), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });
}

/**
 * The app's passive reply: nothing ("" or "success"), plaintext XML, or in safe mode an encrypted envelope whose
 * MsgSignature must verify. Throws when the reply is one WeChat would refuse ("该公众号暂时无法提供服务").
 */
export function readPassiveReply(body: string, mode: CallbackMode, credentials: CallbackCredentials): Record<string, string> | null {
  const text = body.trim();
  if (text === "" || text === "success") return null;
  const fields = parseWechatXml(text);
  if (mode === "plain") return fields;
  if (!fields.Encrypt) throw new Error("plaintext reply in safe mode");
  const expected = msgSignature(credentials.token, fields.TimeStamp ?? "", fields.Nonce ?? "", fields.Encrypt);
  if (fields.MsgSignature !== expected) throw new Error("reply MsgSignature does not verify");
  return parseWechatXml(decryptMessage(fields.Encrypt, credentials));
}
