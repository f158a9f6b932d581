import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { type OAuthAuthorizeInput, WechatApiError, createWechatClient } from "@/lib/wechat/client";
import { wechatConfig } from "@/lib/wechat/config";
import { makeUser } from "@/tests/factories";
import { markUnreachable } from "./mark-unreachable";
import { OAUTH_STATE_TTL_MS, type WechatOAuthClient, completeWechatOAuth, openBindTicket, startWechatOAuth } from "./oauth-flow";
import { seal } from "./sealed-cookie";
import { boundUser, newOpenid } from "./test-fixtures";
import { unbindWechat } from "./unbind-wechat";

const SECRET = "oauth-flow-test-secret-0123456789abcdef";
const BASE = "https://medblend.example.edu.cn";
const AVATAR = "https://thirdwx.qlogo.cn/mmopen/abc/132";
const configWith = (vars: Record<string, string>) => wechatConfig({ NODE_ENV: "test", ...vars });

afterEach(() => {
  vi.restoreAllMocks();
});

/** Plays WeChat: codes map to openids and, like WeChat, each code can be exchanged once. */
function fakeWechat(codes: Record<string, { openid: string; scope?: string }>, userinfo = async () => ({ nickname: "小林", headimgurl: AVATAR })) {
  const used = new Set<string>();
  const authorized: OAuthAuthorizeInput[] = [];
  const userinfoCalls: [string, string][] = [];
  const client: WechatOAuthClient = {
    oauthAuthorizeUrl(input) {
      authorized.push(input);
      return `https://open.weixin.example/connect/oauth2/authorize?state=${input.state}#wechat_redirect`;
    },
    async exchangeOAuthCode(code) {
      const identity = codes[code];
      if (!identity || used.has(code)) throw new WechatApiError(40029, "invalid code", "fatal");
      used.add(code);
      return { openid: identity.openid, scope: identity.scope ?? "snsapi_base", accessToken: `web-token-${code}` };
    },
    async getOAuthUserInfo(accessToken, openid) {
      userinfoCalls.push([accessToken, openid]);
      return userinfo();
    },
  };
  return { client, authorized, userinfoCalls };
}

type Fake = ReturnType<typeof fakeWechat>;

/** Entry, then WeChat's redirect back with `code` and the state it was given. */
async function roundTrip(fake: Fake, code: string | null, options: { next?: string; profile?: boolean; now?: Date } = {}) {
  const started = startWechatOAuth({ next: options.next ?? "/student/courses", profile: options.profile ?? false, baseUrl: BASE }, { client: fake.client, secret: SECRET });
  const { state } = fake.authorized.at(-1)!;
  return completeWechatOAuth({ code, state, stateCookie: started.stateCookie }, { client: fake.client, secret: SECRET, now: options.now });
}

describe("startWechatOAuth", () => {
  it("sends the browser to WeChat with a fresh random state, snsapi_base and our callback", () => {
    const fake = fakeWechat({});
    const first = startWechatOAuth({ next: "/student", profile: false, baseUrl: BASE }, { client: fake.client, secret: SECRET });
    startWechatOAuth({ next: "/student", profile: false, baseUrl: BASE }, { client: fake.client, secret: SECRET });
    expect(fake.authorized[0]).toEqual({ redirectUri: `${BASE}/h5/oauth/callback`, scope: "snsapi_base", state: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(fake.authorized[1].state).not.toBe(fake.authorized[0].state);
    expect(first.authorizeUrl).toContain(fake.authorized[0].state);
    // The cookie is sealed: the state it carries cannot be read off it.
    expect(Buffer.from(first.stateCookie, "base64url").toString("latin1")).not.toContain(fake.authorized[0].state);
  });

  it("asks for snsapi_userinfo only when the student chose to show their avatar", () => {
    const fake = fakeWechat({});
    startWechatOAuth({ next: "/student", profile: true, baseUrl: BASE }, { client: fake.client, secret: SECRET });
    expect(fake.authorized[0].scope).toBe("snsapi_userinfo");
  });

  it("builds WeChat's authorize URL through lib/wechat/client in the documented shape", () => {
    const client = createWechatClient({ config: configWith({ WECHAT_APP_ID: "wx1234567890abcdef", WECHAT_OPEN_BASE: "https://open.weixin.qq.com" }) });
    const { authorizeUrl } = startWechatOAuth({ next: "/student", profile: false, baseUrl: BASE }, { client, secret: SECRET });
    const url = new URL(authorizeUrl);
    expect(`${url.origin}${url.pathname}`).toBe("https://open.weixin.qq.com/connect/oauth2/authorize");
    expect([...url.searchParams.keys()]).toEqual(["appid", "redirect_uri", "response_type", "scope", "state"]);
    expect(url.searchParams.get("redirect_uri")).toBe(`${BASE}/h5/oauth/callback`);
    expect(url.hash).toBe("#wechat_redirect");
  });
});

describe("completeWechatOAuth", () => {
  it("signs a bound student in and sends them where they were going", async () => {
    const { user, openid } = await boundUser();
    const fake = fakeWechat({ c1: { openid } });
    expect(await roundTrip(fake, "c1", { next: "/student/lessons/abc?tab=pre#top" })).toEqual({
      kind: "signed_in",
      userId: user.id,
      next: "/student/lessons/abc?tab=pre#top",
    });
    expect(fake.userinfoCalls).toEqual([]);
  });

  it("still signs in a student WeChat could not deliver to (unreachable is not a withdrawal)", async () => {
    const { user, openid } = await boundUser();
    await markUnreachable(user.id, "wechat:43004");
    expect(await roundTrip(fakeWechat({ c: { openid } }), "c")).toMatchObject({ kind: "signed_in", userId: user.id });
  });

  it("hands an unbound openid a sealed bind ticket instead of a session", async () => {
    const openid = newOpenid();
    const fake = fakeWechat({ c2: { openid } });
    const now = new Date();
    const outcome = await roundTrip(fake, "c2", { next: "/student/wechat", now });
    expect(outcome).toMatchObject({ kind: "bind", next: "/student/wechat" });
    if (outcome.kind !== "bind") throw new Error("unreachable");
    expect(openBindTicket(outcome.bindTicket, { secret: SECRET })).toEqual({ openid, next: "/student/wechat", iat: now.getTime() });
    expect(Buffer.from(outcome.bindTicket, "base64url").toString("latin1")).not.toContain(openid);
    expect(fake.userinfoCalls).toEqual([]);
  });

  it("sends an openid whose student unbound to binding again, not into their account", async () => {
    const { actor, openid } = await boundUser();
    await unbindWechat(actor);
    expect(await roundTrip(fakeWechat({ c: { openid } }), "c")).toMatchObject({ kind: "bind" });
  });

  it("puts nickname and avatar in the ticket only when the student asked to show them", async () => {
    const openid = newOpenid();
    const fake = fakeWechat({ c3: { openid, scope: "snsapi_userinfo" } });
    const outcome = await roundTrip(fake, "c3", { profile: true });
    if (outcome.kind !== "bind") throw new Error("expected a bind ticket");
    expect(openBindTicket(outcome.bindTicket, { secret: SECRET })).toMatchObject({ openid, nickname: "小林", avatarUrl: AVATAR });
    expect(fake.userinfoCalls).toEqual([["web-token-c3", openid]]);
  });

  it("binds without the avatar when WeChat's userinfo fails or returns something odd", async () => {
    for (const userinfo of [
      async () => {
        throw new WechatApiError(-1, "timeout", "retryable");
      },
      async () => ({ nickname: "  ", headimgurl: "javascript:alert(1)" }),
    ]) {
      vi.spyOn(console, "warn").mockImplementation(() => undefined);
      const openid = newOpenid();
      const outcome = await roundTrip(fakeWechat({ c: { openid, scope: "snsapi_userinfo" } }, userinfo), "c", { profile: true });
      if (outcome.kind !== "bind") throw new Error("expected a bind ticket");
      expect(openBindTicket(outcome.bindTicket, { secret: SECRET })).toEqual({ openid, next: "/student/courses", iat: expect.any(Number) });
    }
  });

  describe("refuses", () => {
    const openid = newOpenid();
    const fresh = () => {
      const fake = fakeWechat({ good: { openid } });
      const started = startWechatOAuth({ next: "/student/wechat", profile: false, baseUrl: BASE }, { client: fake.client, secret: SECRET });
      return { fake, started, state: fake.authorized[0].state };
    };
    const expired = () => new Date(Date.now() + OAUTH_STATE_TTL_MS + 1000);

    it.each([
      ["a state that does not match the cookie", () => ({ input: { code: "good", state: "0".repeat(32) } }), "/student/wechat"],
      ["no state at all", () => ({ input: { code: "good", state: null } }), "/student/wechat"],
      ["no state cookie (another browser, or cookies blocked)", () => ({ input: { code: "good" }, cookie: undefined }), "/"],
      ["an expired state cookie", () => ({ input: { code: "good" }, now: expired() }), "/"],
      ["a state cookie sealed with another secret", () => ({ input: { code: "good" }, secret: "another-secret-another-secret-0123" }), "/"],
      ["a tampered state cookie", () => ({ input: { code: "good" }, tamper: true }), "/"],
      [
        "a bind ticket passed off as the state cookie",
        () => ({ input: { code: "good" }, cookie: seal("wechat-bind-ticket", { state: "x", next: "/", profile: false }, 60_000, { secret: SECRET }) }),
        "/",
      ],
      ["a code WeChat refuses", () => ({ input: { code: "forged" } }), "/student/wechat"],
      ["no code (snsapi_base)", () => ({ input: { code: null } }), "/student/wechat"],
    ] as const)("%s", async (_name, scenario, next) => {
      const { fake, started, state } = fresh();
      const s = scenario() as { input: { code?: string | null; state?: string | null }; cookie?: string; now?: Date; secret?: string; tamper?: boolean };
      let cookie = "cookie" in s ? s.cookie : started.stateCookie;
      if (s.tamper && cookie) cookie = `${cookie.slice(0, -2)}${cookie.endsWith("AA") ? "BB" : "AA"}`;
      vi.spyOn(console, "warn").mockImplementation(() => undefined);
      await expect(
        completeWechatOAuth({ state, ...s.input, stateCookie: cookie }, { client: fake.client, secret: s.secret ?? SECRET, now: s.now }),
      ).rejects.toMatchObject({ code: "binding.oauth_failed", details: { next } });
    });

    it("a replayed callback: WeChat's code works once", async () => {
      const { fake, started, state } = fresh();
      await completeWechatOAuth({ code: "good", state, stateCookie: started.stateCookie }, { client: fake.client, secret: SECRET });
      const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
      await expect(
        completeWechatOAuth({ code: "good", state, stateCookie: started.stateCookie }, { client: fake.client, secret: SECRET }),
      ).rejects.toMatchObject({ code: "binding.oauth_failed" });
      expect(warn.mock.calls.flat().join(" ")).toBe("[binding] OAuth code exchange failed: fatal 40029");
    });

    it("a declined snsapi_userinfo screen, as oauth_denied", async () => {
      const fake = fakeWechat({});
      await expect(roundTrip(fake, null, { profile: true })).rejects.toMatchObject({ code: "binding.oauth_denied" });
    });

    it("an openid that does not look like one", async () => {
      await expect(roundTrip(fakeWechat({ c: { openid: "../../etc" } }), "c")).rejects.toMatchObject({ code: "binding.oauth_failed" });
    });
  });

  it("works with lib/wechat/client's exchange against a WeChat answer (injected fetch)", async () => {
    const { user, openid } = await boundUser();
    const requests: string[] = [];
    const client = createWechatClient({
      config: configWith({ WECHAT_APP_ID: "wxappid", WECHAT_APP_SECRET: "shh", WECHAT_API_BASE: "https://api.weixin.example" }),
      fetch: async (url) => {
        requests.push(String(url));
        return new Response(JSON.stringify({ access_token: "web-token", expires_in: 7200, refresh_token: "r", openid, scope: "snsapi_base" }));
      },
    });
    const started = startWechatOAuth({ next: "/student", profile: false, baseUrl: BASE }, { client, secret: SECRET });
    const state = new URL(started.authorizeUrl).searchParams.get("state");
    expect(await completeWechatOAuth({ code: "CODE123", state, stateCookie: started.stateCookie }, { client, secret: SECRET })).toEqual({
      kind: "signed_in",
      userId: user.id,
      next: "/student",
    });
    const exchange = new URL(requests[0]);
    expect(exchange.pathname).toBe("/sns/oauth2/access_token");
    expect(Object.fromEntries(exchange.searchParams)).toMatchObject({ appid: "wxappid", code: "CODE123", grant_type: "authorization_code" });
  });

  it("never writes anything while signing in", async () => {
    const { openid } = await boundUser();
    const other = await makeUser("STUDENT");
    const before = await db.wechatConsent.count();
    await roundTrip(fakeWechat({ c: { openid } }), "c");
    await roundTrip(fakeWechat({ c: { openid: newOpenid() } }), "c");
    expect(await db.wechatConsent.count()).toBe(before);
    expect(await db.wechatBinding.findUnique({ where: { userId: other.id } })).toBeNull();
  });
});
