import { exchangeOAuthCode, getOAuthUserInfo, oauthAuthorizeUrl } from "@/lib/wechat/client";
import type { WechatOAuthClient } from "./oauth-flow";
import { h5CookiePath } from "./paths";

/** The process's WeChat client (the real API or the simulator, as configured). */
export const wechatOAuthClient: WechatOAuthClient = {
  oauthAuthorizeUrl: (input) => oauthAuthorizeUrl(input),
  exchangeOAuthCode: (code) => exchangeOAuthCode(code),
  getOAuthUserInfo: (accessToken, openid) => getOAuthUserInfo(accessToken, openid),
};

const isHttps = () => (process.env.NEXTAUTH_URL ?? "").startsWith("https://");

/** A short-lived cookie for the /h5 pages only. */
export const h5CookieOptions = (ttlMs: number) => ({
  httpOnly: true,
  sameSite: "lax" as const,
  path: h5CookiePath,
  secure: isHttps(),
  maxAge: Math.floor(ttlMs / 1000),
});

export const clearedH5Cookie = { path: h5CookiePath, maxAge: 0 };

/**
 * The app's public origin for WeChat's redirect_uri (it must lie in the 网页授权域名 configured at WeChat) and for our
 * own redirects: NEXTAUTH_URL, which server.ts always sets, else the request's origin.
 */
export const publicBaseUrl = (requestUrl: string) => (process.env.NEXTAUTH_URL ?? new URL(requestUrl).origin).replace(/\/$/, "");
