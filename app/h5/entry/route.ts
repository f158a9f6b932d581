import { type NextRequest, NextResponse } from "next/server";
import { h5CookieOptions, publicBaseUrl, wechatOAuthClient } from "@/lib/binding/h5-http";
import { OAUTH_STATE_COOKIE, OAUTH_STATE_TTL_MS, startWechatOAuth } from "@/lib/binding/oauth-flow";

export const dynamic = "force-dynamic";

/**
 * GET /h5/entry?next=/student/…[&profile=1]: how app links open inside WeChat. Sends the browser to WeChat's OAuth
 * page with a fresh state, remembered (sealed, with `next`) in a cookie of this browser.
 */
export function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const started = startWechatOAuth(
    { next: params.get("next"), profile: params.get("profile") === "1", baseUrl: publicBaseUrl(request.url) },
    { client: wechatOAuthClient },
  );
  const response = NextResponse.redirect(started.authorizeUrl, 302);
  response.cookies.set(OAUTH_STATE_COOKIE, started.stateCookie, h5CookieOptions(OAUTH_STATE_TTL_MS));
  response.headers.set("Cache-Control", "no-store");
  return response;
}
