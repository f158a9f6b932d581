import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { decode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as callback } from "@/app/h5/oauth/callback/route";
import { GET as entry } from "@/app/h5/entry/route";
import { BIND_TICKET_COOKIE, OAUTH_STATE_COOKIE, openBindTicket } from "./oauth-flow";
import { boundUser, newOpenid } from "./test-fixtures";

// The route handlers as the browser meets them, with a tiny stand-in for WeChat's code exchange behind the real client.
const SECRET = "h5-routes-test-secret-0123456789abcdefgh";
const APP = "http://localhost:3999";
const saved = { ...process.env };
const openidOfCode = new Map<string, string>();
let wechat: Server;

beforeAll(async () => {
  wechat = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://wechat");
    const openid = url.pathname === "/sns/oauth2/access_token" ? openidOfCode.get(url.searchParams.get("code") ?? "") : undefined;
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(openid ? { access_token: "web", expires_in: 7200, openid, scope: "snsapi_base" } : { errcode: 40029, errmsg: "invalid code" }));
  });
  await new Promise<void>((resolve) => wechat.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(wechat.address() as AddressInfo).port}`;
  Object.assign(process.env, { NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: APP, WECHAT_API_BASE: base, WECHAT_OPEN_BASE: base });
});

afterAll(async () => {
  for (const key of ["NEXTAUTH_SECRET", "NEXTAUTH_URL", "WECHAT_API_BASE", "WECHAT_OPEN_BASE"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  await new Promise((resolve) => wechat.close(resolve));
});

/** Set-Cookie headers by cookie name. */
const setCookies = (response: Response) =>
  new Map(response.headers.getSetCookie().map((header) => [header.slice(0, header.indexOf("=")), header]));
const cookieValue = (header: string | undefined) => decodeURIComponent(header?.slice(header.indexOf("=") + 1).split(";")[0] ?? "");

/** /h5/entry, then WeChat's redirect back to the callback with `code` (and the state, unless replaced). */
async function signInThroughWechat(code: string, options: { next?: string; state?: string; cookie?: boolean } = {}) {
  const started = entry(new NextRequest(`${APP}/h5/entry?next=${encodeURIComponent(options.next ?? "/student/wechat")}`));
  const stateCookie = cookieValue(setCookies(started).get(OAUTH_STATE_COOKIE));
  const state = options.state ?? new URL(started.headers.get("location")!).searchParams.get("state")!;
  const request = new NextRequest(`${APP}/h5/oauth/callback?code=${code}&state=${state}`, {
    headers: options.cookie === false ? {} : { cookie: `${OAUTH_STATE_COOKIE}=${encodeURIComponent(stateCookie)}` },
  });
  return { started, response: await callback(request) };
}

describe("GET /h5/entry", () => {
  it("redirects to WeChat's authorize page and binds the state to this browser in a short-lived httpOnly cookie", () => {
    const response = entry(new NextRequest(`${APP}/h5/entry?next=/student/wechat`));
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location")!);
    expect(location.pathname).toBe("/connect/oauth2/authorize");
    expect(location.searchParams.get("redirect_uri")).toBe(`${APP}/h5/oauth/callback`);
    expect(location.searchParams.get("scope")).toBe("snsapi_base");
    expect(location.hash).toBe("#wechat_redirect");
    const cookie = setCookies(response).get(OAUTH_STATE_COOKIE)!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=lax/i);
    expect(cookie).toMatch(/Path=\/h5(;|$)/);
    expect(cookie).toMatch(/Max-Age=600/);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("asks for the avatar scope with profile=1", () => {
    const response = entry(new NextRequest(`${APP}/h5/entry?next=/student&profile=1`));
    expect(new URL(response.headers.get("location")!).searchParams.get("scope")).toBe("snsapi_userinfo");
  });
});

describe("GET /h5/oauth/callback", () => {
  it("signs a bound student in with next-auth's session cookie and goes on to next", async () => {
    const { user, openid } = await boundUser();
    openidOfCode.set("code-bound", openid);
    const { response } = await signInThroughWechat("code-bound", { next: "/student/lessons/x" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${APP}/student/lessons/x`);
    const cookies = setCookies(response);
    const session = await decode({ token: cookieValue(cookies.get("next-auth.session-token")), secret: SECRET });
    expect(session).toMatchObject({ sub: user.id, sv: 0 });
    expect(cookies.get(OAUTH_STATE_COOKIE)).toMatch(/Max-Age=0/);
  });

  it("sends an unbound WeChat to the bind page with a bind ticket and no session", async () => {
    const openid = newOpenid();
    openidOfCode.set("code-new", openid);
    const { response } = await signInThroughWechat("code-new");
    expect(response.headers.get("location")).toBe(`${APP}/h5/bind`);
    const cookies = setCookies(response);
    expect(cookies.has("next-auth.session-token")).toBe(false);
    const ticket = cookies.get(BIND_TICKET_COOKIE)!;
    expect(ticket).toMatch(/HttpOnly/i);
    expect(ticket).toMatch(/Path=\/h5(;|$)/);
    expect(openBindTicket(cookieValue(ticket))).toMatchObject({ openid, next: "/student/wechat" });
  });

  it.each([
    ["a state that does not match", "code-other-state", { state: "f".repeat(32) }],
    ["no state cookie", "code-no-cookie", { cookie: false }],
  ])("refuses %s: error page, no session, no ticket", async (_name, code, options) => {
    const { openid } = await boundUser();
    openidOfCode.set(code, openid);
    const { response } = await signInThroughWechat(code, options);
    const location = new URL(response.headers.get("location")!);
    expect(location.pathname).toBe("/h5/error");
    expect(location.searchParams.get("code")).toBe("binding.oauth_failed");
    const cookies = setCookies(response);
    expect(cookies.has("next-auth.session-token")).toBe(false);
    expect(cookies.has(BIND_TICKET_COOKIE)).toBe(false);
  });
});
