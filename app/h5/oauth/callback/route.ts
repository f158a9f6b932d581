import { type NextRequest, NextResponse } from "next/server";
import { wechatSessionCookie } from "@/lib/auth/wechat-provider";
import { clearedH5Cookie, h5CookieOptions, publicBaseUrl, wechatOAuthClient } from "@/lib/binding/h5-http";
import {
  BIND_TICKET_COOKIE,
  BIND_TICKET_TTL_MS,
  OAUTH_STATE_COOKIE,
  completeWechatOAuth,
} from "@/lib/binding/oauth-flow";
import { h5BindPath, h5ErrorPath } from "@/lib/binding/paths";
import { AppError, isAppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/**
 * GET /h5/oauth/callback?code&state: WeChat's redirect back. Signed in and on to `next` when the openid is bound,
 * to the bind page with a bind ticket when not, to the error page otherwise. The state cookie is spent either way.
 */
export async function GET(request: NextRequest) {
  const base = publicBaseUrl(request.url);
  const params = request.nextUrl.searchParams;
  let response: NextResponse;
  try {
    const outcome = await completeWechatOAuth(
      { code: params.get("code"), state: params.get("state"), stateCookie: request.cookies.get(OAUTH_STATE_COOKIE)?.value },
      { client: wechatOAuthClient },
    );
    if (outcome.kind === "bind") {
      response = NextResponse.redirect(`${base}${h5BindPath}`, 302);
      response.cookies.set(BIND_TICKET_COOKIE, outcome.bindTicket, h5CookieOptions(BIND_TICKET_TTL_MS));
    } else {
      const session = await wechatSessionCookie(outcome.userId);
      if (!session) throw new AppError("auth.disabled", { next: outcome.next });
      response = NextResponse.redirect(`${base}${outcome.next}`, 302);
      response.cookies.set(session.name, session.value, session.options);
      response.cookies.set(BIND_TICKET_COOKIE, "", clearedH5Cookie);
    }
  } catch (error) {
    if (!isAppError(error)) console.error("[binding] OAuth callback failed:", error instanceof Error ? error.message : error);
    const code = isAppError(error) ? error.code : "common.unexpected";
    const next = isAppError(error) && typeof error.details?.next === "string" ? error.details.next : "/";
    response = NextResponse.redirect(`${base}${h5ErrorPath(code, next)}`, 302);
  }
  response.cookies.set(OAUTH_STATE_COOKIE, "", clearedH5Cookie);
  response.headers.set("Cache-Control", "no-store");
  return response;
}
