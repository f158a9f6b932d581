import { type WechatConfig, wechatConfig } from "./config";

/**
 * What the caller should do about a failed WeChat call:
 * - token: no usable access_token (wrong AppID/AppSecret, IP not whitelisted, or still rejected after a forced
 *   refresh) — a configuration problem; retry much later.
 * - quota: 45009, the daily quota is used up — defer, do not retry now.
 * - unreachable: 43004 (not following the account) / 40003 (bad openid) — mark the binding, never retry.
 * - retryable: -1, network error, timeout or 5xx after the inner retries — retry later with backoff.
 * - fatal: anything else (bad template id, bad argument …) — retrying will not help.
 */
export type WechatErrorKind = "token" | "quota" | "unreachable" | "retryable" | "fatal";

export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly kind: WechatErrorKind,
  ) {
    super(`WeChat API error ${errcode} (${kind}): ${errmsg}`);
    this.name = "WechatApiError";
  }
}

/** Injected by tests and benchmarks; production uses the defaults. */
export interface WechatClientOptions {
  config?: WechatConfig;
  fetch?: typeof fetch;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Tries per call for transient failures (-1, network, timeout, 5xx). Default 3. */
  maxAttempts?: number;
  /** First backoff delay; it doubles per try, with jitter. Default 250 ms. */
  baseDelayMs?: number;
}

export interface ResolvedOptions {
  config: WechatConfig;
  fetch: typeof fetch;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  maxAttempts: number;
  baseDelayMs: number;
}

const MAX_DELAY_MS = 4_000;

export function resolveOptions(options: WechatClientOptions = {}): ResolvedOptions {
  return {
    config: options.config ?? wechatConfig(),
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    now: options.now ?? (() => new Date()),
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: options.random ?? Math.random,
    maxAttempts: Math.max(1, options.maxAttempts ?? 3),
    baseDelayMs: options.baseDelayMs ?? 250,
  };
}

export const TOKEN_ERRCODES: readonly number[] = [40001, 42001, 40014];
const UNREACHABLE_ERRCODES: readonly number[] = [43004, 40003];
const QUOTA_ERRCODE = 45009;
const SYSTEM_BUSY_ERRCODE = -1;

/** The kind of an errcode in an API answer (token errors are handled by the caller before this). */
export function errorKindOf(errcode: number): WechatErrorKind {
  if (TOKEN_ERRCODES.includes(errcode)) return "token";
  if (errcode === QUOTA_ERRCODE) return "quota";
  if (UNREACHABLE_ERRCODES.includes(errcode)) return "unreachable";
  if (errcode === SYSTEM_BUSY_ERRCODE) return "retryable";
  return "fatal";
}

export type WechatJson = Record<string, unknown> & { errcode?: number; errmsg?: string };

type Outcome = { ok: true; json: WechatJson } | { ok: false; errcode: number; errmsg: string };

/**
 * One WeChat API call: every try has its own timeout; transient failures are retried with exponential backoff and
 * jitter, a bounded number of times, then reported as "retryable". Answers with an errcode (other than -1) are
 * returned for the caller to classify. Never puts the URL in a message: it may carry the access_token.
 */
export async function callWechat(
  opts: ResolvedOptions,
  request: { method: "GET" | "POST"; url: string; body?: unknown },
): Promise<WechatJson> {
  let outcome = await tryOnce(opts, request);
  for (let attempt = 2; !outcome.ok && attempt <= opts.maxAttempts; attempt++) {
    await opts.sleep(backoffMs(opts, attempt - 1));
    outcome = await tryOnce(opts, request);
  }
  if (outcome.ok) return outcome.json;
  throw new WechatApiError(outcome.errcode, outcome.errmsg, "retryable");
}

/** Equal jitter: half the exponential delay is fixed, half random, so that many senders do not retry in step. */
function backoffMs(opts: ResolvedOptions, retry: number): number {
  const ceiling = Math.min(MAX_DELAY_MS, opts.baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + opts.random() * (ceiling / 2));
}

async function tryOnce(
  opts: ResolvedOptions,
  request: { method: "GET" | "POST"; url: string; body?: unknown },
): Promise<Outcome> {
  let response: Response;
  let text: string;
  try {
    response = await opts.fetch(request.url, {
      method: request.method,
      headers: request.body === undefined ? undefined : { "content-type": "application/json; charset=utf-8" },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(opts.config.timeoutMs),
    });
    // The timeout covers the body too: a server that sends headers and then stalls is still a timeout.
    text = await response.text();
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    const timedOut = name === "TimeoutError" || name === "AbortError";
    return { ok: false, errcode: -1, errmsg: timedOut ? "timeout" : "network error" };
  }
  if (response.status >= 500) return { ok: false, errcode: -1, errmsg: `http ${response.status}` };
  if (!response.ok) throw new WechatApiError(-1, `http ${response.status}`, "fatal");
  let json: WechatJson;
  try {
    json = JSON.parse(text) as WechatJson;
  } catch {
    // A proxy or captive portal answering HTML: not WeChat's answer, so the request may not have arrived.
    return { ok: false, errcode: -1, errmsg: "malformed answer" };
  }
  if (json.errcode === SYSTEM_BUSY_ERRCODE) return { ok: false, errcode: -1, errmsg: String(json.errmsg ?? "system busy") };
  return { ok: true, json };
}

/** Throws the classified error for an answer with a non-zero errcode. */
export function assertOk(json: WechatJson): void {
  const errcode = typeof json.errcode === "number" ? json.errcode : 0;
  if (errcode !== 0) throw new WechatApiError(errcode, String(json.errmsg ?? ""), errorKindOf(errcode));
}
