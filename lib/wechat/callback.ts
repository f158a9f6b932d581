import { randomInt } from "node:crypto";
import { performance } from "node:perf_hooks";
import { type WechatConfig, findWechatConfig } from "./config";
import { WechatCryptoError, decryptMessage, encryptMessage } from "./crypto";
import { type InboundReply, handleInboundNowOrLater } from "./inbound-dispatch";
import { type InboundMessage, toInboundMessage } from "./inbound-message";
import { runDetached } from "./inbound-work";
import { callbackSignature, msgSignature, signaturesMatch } from "./signature";
import { MAX_WECHAT_XML_BYTES, WechatXmlError, buildXml, parseWechatXml } from "./xml";

/**
 * The service account's callback (服务器配置 URL), /api/wechat/callback.
 * - GET: WeChat checks the URL: `signature` over token, timestamp, nonce → echo `echostr`, else 403.
 * - POST: a message or event, plaintext (`signature`) or safe mode (`encrypt_type=aes`, `msg_signature` also over
 *   the ciphertext; replies are encrypted too). Forged, stale, oversized or malformed requests get a plain 4xx and
 *   change nothing. Otherwise the reply is "success" or a passive text reply, within WeChat's 5 seconds.
 * Never a 500: an unexpected failure is logged and answered "success", or WeChat would retry it three times.
 * While WeChat is off (not configured outside demo mode, lib/wechat/config.ts) every request gets a bare 503 before
 * anything of it is read: nothing is verified against a made-up token, nothing is processed.
 */

/**
 * How long a delivery may wait for its passive reply (WECHAT_ACK_BUDGET_MS, default 80 ms). One answer takes a few
 * milliseconds, but a class replying at once queues behind each other's queries: past the budget the callback
 * answers "success" (far inside WeChat's 5 seconds, so WeChat does not retry) and the answer is stored all the same,
 * only without a confirmation.
 */
export const DEFAULT_ACK_BUDGET_MS = 80;

function ackBudgetMs(): number {
  const configured = Number(process.env.WECHAT_ACK_BUDGET_MS || Number.NaN);
  return configured >= 0 && configured <= 4000 ? configured : DEFAULT_ACK_BUDGET_MS;
}

/** Signed requests further than this from our clock are refused, so a captured one cannot be replayed later. */
export const MAX_CLOCK_SKEW_S = 300;

const TIMESTAMP = /^\d{1,12}$/;
const SUCCESS: InboundReply = { kind: "success" };

const plain = (status: number, body: string) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
const forbidden = () => plain(403, "forbidden");
const badRequest = () => plain(400, "bad request");
const tooLarge = () => plain(413, "payload too large");
const success = () => plain(200, "success");
const unavailable = () => plain(503, "service unavailable");

export function wechatCallbackGet(request: Request): Response {
  try {
    const token = findWechatConfig()?.token;
    if (!token) return unavailable();
    const query = new URL(request.url).searchParams;
    const timestamp = query.get("timestamp");
    const nonce = query.get("nonce");
    const echostr = query.get("echostr");
    if (!timestamp || !nonce || echostr === null) return forbidden();
    if (!signaturesMatch(callbackSignature(token, timestamp, nonce), query.get("signature"))) return forbidden();
    return plain(200, echostr);
  } catch (error) {
    console.error("[wechat] callback URL check failed", error);
    return forbidden();
  }
}

export async function wechatCallbackPost(request: Request): Promise<Response> {
  const started = performance.now();
  try {
    const config = findWechatConfig();
    if (!config) return unavailable();
    const now = new Date();
    const query = new URL(request.url).searchParams;
    const timestamp = query.get("timestamp") ?? "";
    const nonce = query.get("nonce") ?? "";
    const mode = query.get("encrypt_type") ?? "raw";
    if (mode !== "raw" && mode !== "aes") return badRequest();
    if (!nonce || !isFresh(timestamp, now)) return forbidden();
    const safe = mode === "aes";
    if (!safe && !signaturesMatch(callbackSignature(config.token, timestamp, nonce), query.get("signature"))) return forbidden();

    const body = await readBody(request, MAX_WECHAT_XML_BYTES);
    if (body === null) return tooLarge();
    let fields = parseWechatXml(body);
    if (safe) {
      const encrypt = fields.Encrypt;
      if (!encrypt) return badRequest();
      if (!signaturesMatch(msgSignature(config.token, timestamp, nonce, encrypt), query.get("msg_signature"))) return forbidden();
      fields = parseWechatXml(decryptMessage(encrypt, config));
    }
    const message = toInboundMessage(fields);
    if (!message) return badRequest();

    const handling = handleInboundNowOrLater(message, now);
    const reply = handling ? await withinBudget(handling, ackBudgetMs() - (performance.now() - started)) : SUCCESS;
    return respond(reply, message, safe ? config : null, now);
  } catch (error) {
    if (error instanceof WechatXmlError) return error.reason === "too_large" ? tooLarge() : badRequest();
    if (error instanceof WechatCryptoError) return badRequest();
    console.error("[wechat] callback failed", error);
    return success();
  }
}

/** The reply if it is ready within `ms`; else "success" now, and the handling finishes detached. */
async function withinBudget(handling: Promise<InboundReply>, ms: number): Promise<InboundReply> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(resolve, Math.max(0, ms), "late");
  });
  try {
    const first = await Promise.race([handling, late]);
    if (first !== "late") return first;
    runDetached("handling a delivery after its ack", () => handling);
    return SUCCESS;
  } finally {
    clearTimeout(timer);
  }
}

function isFresh(timestamp: string, now: Date): boolean {
  return TIMESTAMP.test(timestamp) && Math.abs(now.getTime() / 1000 - Number(timestamp)) <= MAX_CLOCK_SKEW_S;
}

/** The body as UTF-8 text, or null once it exceeds `max` bytes (whatever Content-Length claimed). */
async function readBody(request: Request, max: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > max) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new WechatXmlError("malformed");
  }
}

/** "success", or a passive text reply from the account to the sender; in safe mode encrypted and freshly signed. */
function respond(reply: InboundReply, message: InboundMessage, safeMode: WechatConfig | null, now: Date): Response {
  if (reply.kind === "success") return success();
  const seconds = Math.floor(now.getTime() / 1000);
  const xml = buildXml({ ToUserName: message.from, FromUserName: message.to, CreateTime: seconds, MsgType: "text", Content: reply.content });
  if (!safeMode) return xmlResponse(xml);
  const encrypt = encryptMessage(xml, safeMode);
  const timestamp = String(seconds);
  const nonce = String(randomInt(1_000_000_000, 9_999_999_999));
  return xmlResponse(
    buildXml({ Encrypt: encrypt, MsgSignature: msgSignature(safeMode.token, timestamp, nonce, encrypt), TimeStamp: seconds, Nonce: nonce }),
  );
}

const xmlResponse = (xml: string) =>
  new Response(xml, { status: 200, headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "no-store" } });
