import { type NextRequest, NextResponse } from "next/server";
import { h5CookieOptions, publicBaseUrl, wechatOAuthClient } from "@/lib/binding/h5-http";
import { OAUTH_STATE_COOKIE, OAUTH_STATE_TTL_MS, startWechatOAuth } from "@/lib/binding/oauth-flow";
import { safeNextPath } from "@/lib/binding/paths";
import { findWechatConfig } from "@/lib/wechat/config";

export const dynamic = "force-dynamic";

/**
 * GET /h5/entry?next=/student/…[&profile=1]: how app links open inside WeChat. Sends the browser to WeChat's OAuth
 * page with a fresh state, remembered (sealed, with `next`) in a cookie of this browser. With WeChat switched off
 * (not configured), an old link still leads to the page, through the ordinary sign-in.
 */
export function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  if (!findWechatConfig()) return NextResponse.redirect(new URL(safeNextPath(params.get("next")), publicBaseUrl(request.url)), 302);
  const started = startWechatOAuth(
    { next: params.get("next"), profile: params.get("profile") === "1", baseUrl: publicBaseUrl(request.url) },
    { client: wechatOAuthClient },
  );
  const response = NextResponse.redirect(started.authorizeUrl, 302);
  response.cookies.set(OAUTH_STATE_COOKIE, started.stateCookie, h5CookieOptions(OAUTH_STATE_TTL_MS));
  response.headers.set("Cache-Control", "no-store");
  return response;
}
