import { randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { WechatClient } from "@/lib/wechat/client";
import { findActiveBindingByOpenid } from "./find-active-binding";
import { h5CallbackPath, safeNextPath } from "./paths";
import { OpenidSchema } from "./schemas";
import { type SealOptions, seal, unseal } from "./sealed-cookie";

/** What the OAuth flow needs of lib/wechat/client.ts; tests inject a fake. */
export type WechatOAuthClient = Pick<WechatClient, "oauthAuthorizeUrl" | "exchangeOAuthCode" | "getOAuthUserInfo">;

export interface OAuthDeps extends SealOptions {
  client: WechatOAuthClient;
}

/** Both cookies are httpOnly, SameSite=Lax (WeChat's redirect back is a top-level GET) and scoped to /h5. */
export const OAUTH_STATE_COOKIE = "medblend.wx-oauth";
export const BIND_TICKET_COOKIE = "medblend.wx-bind";
/** WeChat's codes live 5 minutes; a student may pause on its permission screen a little longer. */
export const OAUTH_STATE_TTL_MS = 10 * 60_000;
export const BIND_TICKET_TTL_MS = 15 * 60_000;

const StatePayload = z.object({ state: z.string(), next: z.string(), profile: z.boolean() });
const TicketPayload = z.object({
  openid: OpenidSchema,
  nickname: z.string().optional(),
  avatarUrl: z.string().optional(),
  next: z.string(),
  iat: z.number(),
});
/** Proof, sealed in a cookie, that this browser completed WeChat OAuth as `openid` at `iat`: the bind page's input. */
export type BindTicket = z.infer<typeof TicketPayload>;

/**
 * Starts WeChat OAuth: a random state goes to WeChat and, sealed with `next`, into a cookie of this browser, so the
 * callback only accepts a redirect this browser started (CSRF). snsapi_base signs in silently; snsapi_userinfo (a
 * WeChat permission screen) only when the student asked to show their nickname and avatar.
 */
export function startWechatOAuth(
  input: { next: unknown; profile: boolean; baseUrl: string },
  deps: OAuthDeps,
): { authorizeUrl: string; stateCookie: string } {
  const state = randomBytes(16).toString("hex");
  const next = safeNextPath(input.next);
  const authorizeUrl = deps.client.oauthAuthorizeUrl({
    redirectUri: `${input.baseUrl}${h5CallbackPath}`,
    scope: input.profile ? "snsapi_userinfo" : "snsapi_base",
    state,
  });
  return { authorizeUrl, stateCookie: seal("wechat-oauth-state", { state, next, profile: input.profile }, OAUTH_STATE_TTL_MS, deps) };
}

export type OAuthOutcome =
  | { kind: "signed_in"; userId: string; next: string }
  | { kind: "bind"; bindTicket: string; next: string };

/**
 * WeChat's redirect back: the state must match this browser's cookie; the one-time code is exchanged server-side
 * for the openid. A bound openid (consent standing) signs its student in; otherwise the browser gets a bind ticket.
 * Failures are AppErrors whose details carry `next`, so the error page can offer to start again.
 */
export async function completeWechatOAuth(
  input: { code?: string | null; state?: string | null; stateCookie?: string },
  deps: OAuthDeps,
): Promise<OAuthOutcome> {
  const saved = StatePayload.safeParse(unseal("wechat-oauth-state", input.stateCookie, deps));
  if (!saved.success) throw new AppError("binding.oauth_failed", { next: "/" });
  const { next, profile } = saved.data;
  if (!input.state || !sameText(input.state, saved.data.state)) throw new AppError("binding.oauth_failed", { next });
  // WeChat comes back without a code when the student declines the snsapi_userinfo screen.
  if (!input.code || input.code.length > 512) throw new AppError(profile ? "binding.oauth_denied" : "binding.oauth_failed", { next });

  let identity: Awaited<ReturnType<WechatOAuthClient["exchangeOAuthCode"]>>;
  try {
    identity = await deps.client.exchangeOAuthCode(input.code);
  } catch (error) {
    console.warn(`[binding] OAuth code exchange failed: ${describe(error)}`);
    throw new AppError("binding.oauth_failed", { next });
  }
  if (!OpenidSchema.safeParse(identity.openid).success) throw new AppError("binding.oauth_failed", { next });

  const binding = await findActiveBindingByOpenid(identity.openid);
  if (binding) return { kind: "signed_in", userId: binding.userId, next };

  const shown = profile && identity.scope.split(",").includes("snsapi_userinfo") ? await profileOf(deps.client, identity) : {};
  const iat = (deps.now ?? new Date()).getTime();
  const bindTicket = seal("wechat-bind-ticket", { openid: identity.openid, ...shown, next, iat }, BIND_TICKET_TTL_MS, deps);
  return { kind: "bind", bindTicket, next };
}

/** The bind ticket in this browser's cookie, or null when missing, altered or expired. */
export function openBindTicket(value: string | undefined, options: SealOptions = {}): BindTicket | null {
  const parsed = TicketPayload.safeParse(unseal("wechat-bind-ticket", value, options));
  return parsed.success ? parsed.data : null;
}

/** Nickname and avatar for a student who chose to show them; binding goes ahead without them if WeChat fails. */
async function profileOf(client: WechatOAuthClient, identity: { accessToken: string; openid: string }) {
  try {
    const info = await client.getOAuthUserInfo(identity.accessToken, identity.openid);
    const nickname = info.nickname.trim().slice(0, 64);
    const avatarUrl = /^https?:\/\//.test(info.headimgurl) && info.headimgurl.length <= 512 ? info.headimgurl : undefined;
    return { ...(nickname && { nickname }), ...(avatarUrl && { avatarUrl }) };
  } catch (error) {
    console.warn(`[binding] OAuth user info failed: ${describe(error)}`);
    return {};
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The error's kind and code only: never the openid or anything else about the student. */
function describe(error: unknown): string {
  const fields = error as { errcode?: unknown; kind?: unknown; name?: unknown } | null;
  if (typeof fields?.errcode === "number") return `${String(fields.kind ?? "wechat")} ${fields.errcode}`;
  return typeof fields?.name === "string" ? fields.name : "unknown error";
}
