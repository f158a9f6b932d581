import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startWechatSimulator, type WechatSimulator } from "@/lib/wechat-sim";
import { createWechatClient, type TemplateMessage, WechatApiError, type WechatClientOptions } from "./client";
import { wechatConfig } from "./config";

let sim: WechatSimulator;
let options: WechatClientOptions;
const config = wechatConfig();
const TEMPLATE = config.templates.live_topic;
const sleeps: number[] = [];

beforeEach(async () => {
  await db.wechatAccessToken.deleteMany();
  sim = await startWechatSimulator({ templateFinishEvents: false });
  sleeps.length = 0;
  options = {
    config: { ...config, apiBase: sim.url, openBase: sim.url, timeoutMs: 5_000 },
    sleep: async (ms) => void sleeps.push(ms),
  };
});

afterEach(() => sim.close());

const follower = () => sim.users.find((user) => user.nickname === "陈思远的微信")!;
let msgSeq = 0;
const message = (overrides: Partial<TemplateMessage> = {}): TemplateMessage => ({
  touser: follower().openid,
  templateId: TEMPLATE,
  url: "http://127.0.0.1:3000/h5/entry?next=%2Fstudent",
  data: { thing1: { value: "诊断学 · 心脏听诊" }, time2: { value: "2026年11月26日 08:00" } },
  clientMsgId: `test-${++msgSeq}`,
  ...overrides,
});

/** A client that gives up on an answer after 250 ms, with the token already cached by a patient one. */
async function impatientClient() {
  await createWechatClient(options).getAccessToken();
  return createWechatClient({ ...options, config: { ...options.config!, timeoutMs: 250 } });
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a WechatApiError");
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(WechatApiError);
      const { errcode, kind } = error as WechatApiError;
      return { errcode, kind };
    },
  );

describe("access_token", () => {
  it("is fetched once, stored with its expiry, and reused by this and other processes", async () => {
    const client = createWechatClient(options);
    const first = await client.getAccessToken();
    expect(await client.getAccessToken()).toBe(first);
    expect(await createWechatClient(options).getAccessToken()).toBe(first);
    expect(sim.stats.stableToken).toBe(1);
    const row = await db.wechatAccessToken.findUniqueOrThrow({ where: { appId: config.appId } });
    expect(row.token).toBe(first);
    expect(Math.abs(row.expiresAt.getTime() - (Date.now() + 7200_000))).toBeLessThan(5_000);
  });

  it.each([
    { left: "4 minutes", leftMs: 4 * 60_000, refreshed: true },
    { left: "already expired", leftMs: -60_000, refreshed: true },
    { left: "6 minutes", leftMs: 6 * 60_000, refreshed: false },
  ])("with $left left is refreshed early: $refreshed", async ({ leftMs, refreshed }) => {
    await db.wechatAccessToken.create({
      data: { appId: config.appId, token: "SIMTOKEN_cached", expiresAt: new Date(Date.now() + leftMs) },
    });
    const token = await createWechatClient(options).getAccessToken();
    expect(token === "SIMTOKEN_cached").toBe(!refreshed);
    expect(sim.stats.stableToken).toBe(refreshed ? 1 : 0);
  });

  it("is requested once when many callers in two processes need it at the same time", async () => {
    const [a, b] = [createWechatClient(options), createWechatClient(options)];
    const tokens = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).getAccessToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(sim.stats.stableToken).toBe(1);
  });

  it("reports wrong credentials as a token error, and leaves the lease free for the next try", async () => {
    const client = createWechatClient({ ...options, config: { ...options.config!, appSecret: "wrong" } });
    expect(await rejection(client.getAccessToken())).toEqual({ errcode: 40125, kind: "token" });
    expect(await db.wechatAccessToken.findUniqueOrThrow({ where: { appId: config.appId } })).toMatchObject({ token: "", refreshingUntil: null });
    expect(await createWechatClient(options).getAccessToken()).toMatch(/\S/);
  });

  it("holds nothing while WeChat is slow to answer: other queries go on, other callers wait for that one refresh", async () => {
    let answer!: () => void;
    const slowAnswer = new Promise<void>((resolve) => (answer = resolve));
    let asked!: () => void;
    const tokenAsked = new Promise<void>((resolve) => (asked = resolve));
    const slow: typeof fetch = async (input, init) => {
      if (String(input).includes("/cgi-bin/stable_token")) {
        asked();
        await slowAnswer;
      }
      return fetch(input, init);
    };
    const refreshing = createWechatClient({ ...options, fetch: slow }).getAccessToken();
    const settledRefresh = Promise.allSettled([refreshing]);
    await tokenAsked;
    // Another instance needs a token meanwhile.
    const waiting = Promise.allSettled([createWechatClient(options).getAccessToken()]);

    const started = performance.now();
    const query = await Promise.race([db.user.count().then(() => "answered"), sleep(2_000).then(() => "blocked")]);
    const elapsedMs = performance.now() - started;
    answer();
    const [[first], [second]] = await Promise.all([settledRefresh, waiting]);

    expect(query).toBe("answered");
    expect(elapsedMs).toBeLessThan(1_000);
    expect(first).toMatchObject({ status: "fulfilled", value: expect.stringMatching(/\S/) });
    expect(second).toEqual(first);
    expect(sim.stats.stableToken).toBe(1);
  });

  it("takes over the lease of a refresher that died, once the lease runs out", async () => {
    const leaseEnds = Date.now() + 400;
    await db.wechatAccessToken.create({ data: { appId: config.appId, token: "", expiresAt: new Date(0), refreshingUntil: new Date(leaseEnds) } });
    const token = await createWechatClient(options).getAccessToken();
    expect(Date.now()).toBeGreaterThanOrEqual(leaseEnds);
    expect(sim.stats.stableToken).toBe(1);
    expect(await db.wechatAccessToken.findUniqueOrThrow({ where: { appId: config.appId } })).toMatchObject({ token, refreshingUntil: null });
  });
});

describe("sendTemplateMessage", () => {
  it("sends with client_msg_id and returns WeChat's msgid; the message reaches that user", async () => {
    const client = createWechatClient(options);
    const sent = message();
    const { msgid } = await client.sendTemplateMessage(sent);
    expect(msgid).toMatch(/^\d+$/);
    expect(sim.messagesFor(follower().openid)).toMatchObject([
      { msgid, templateId: TEMPLATE, url: sent.url, data: sent.data, clientMsgId: sent.clientMsgId },
    ]);
  });

  it("refreshes an access_token that expired mid-run once, for all senders in all processes, and sends", async () => {
    const [a, b] = [createWechatClient(options), createWechatClient(options)];
    await a.sendTemplateMessage(message());
    await b.getAccessToken();
    sim.setFaults({ expireTokens: true });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).sendTemplateMessage(message())));
    expect(results).toHaveLength(6);
    expect(sim.stats.forceRefresh).toBe(1);
    expect(sim.stats.stableToken).toBe(2);
    expect(sim.received).toHaveLength(7);
  });

  it("surfaces a 45009 storm as quota errors without retrying inside", async () => {
    const client = createWechatClient(options);
    await client.getAccessToken();
    sim.setFaults({ quotaRate: 1 });
    const errors = await Promise.all([1, 2, 3].map(() => rejection(client.sendTemplateMessage(message()))));
    expect(errors).toEqual(Array(3).fill({ errcode: 45009, kind: "quota" }));
    expect(sim.stats.templateSend).toBe(3);
    expect(sim.received).toEqual([]);
  });

  it.each([
    { who: "a user who does not follow the account", openid: () => sim.users.find((u) => !u.subscribed)!.openid, errcode: 43004 },
    { who: "an unknown openid", openid: () => "oNoSuchUser000000000000000000", errcode: 40003 },
  ])("reports $who as unreachable, without retrying", async ({ openid, errcode }) => {
    const client = createWechatClient(options);
    expect(await rejection(client.sendTemplateMessage(message({ touser: openid() })))).toEqual({ errcode, kind: "unreachable" });
    expect(sim.stats.templateSend).toBe(1);
  });

  it.each([
    { fault: "timeouts", faults: { timeoutRate: 1 } },
    { fault: "HTTP 503", faults: { errorRate5xx: 1 } },
    { fault: "errcode -1", faults: { busyRate: 1 } },
  ])("retries $fault 3 times with growing, jittered backoff, then reports retryable", async ({ faults }) => {
    const client = await impatientClient();
    sim.setFaults(faults);
    expect(await rejection(client.sendTemplateMessage(message()))).toEqual({ errcode: -1, kind: "retryable" });
    expect(sim.stats.templateSend).toBe(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(125);
    expect(sleeps[0]).toBeLessThanOrEqual(250);
    expect(sleeps[1]).toBeGreaterThanOrEqual(250);
    expect(sleeps[1]).toBeLessThanOrEqual(500);
  });

  it("sends a message whose answers timed out only once, thanks to client_msg_id", async () => {
    const client = await impatientClient();
    sim.setFaults({ timeoutRate: 1 });
    const sent = message();
    await rejection(client.sendTemplateMessage(sent));
    sim.setFaults({});
    const { msgid } = await client.sendTemplateMessage(sent);
    expect(sim.received.map((m) => m.msgid)).toEqual([msgid]);
  });

  it("recovers when a retry succeeds", async () => {
    let calls = 0;
    const flaky: typeof fetch = (input, init) => (++calls === 2 ? Promise.reject(new TypeError("fetch failed")) : fetch(input, init));
    const client = createWechatClient({ ...options, fetch: flaky });
    await expect(client.sendTemplateMessage(message())).resolves.toMatchObject({ msgid: expect.any(String) });
    expect(calls).toBe(3);
    expect(sleeps).toHaveLength(1);
  });

  it("reports an unknown template as fatal, without retrying", async () => {
    const client = createWechatClient(options);
    expect(await rejection(client.sendTemplateMessage(message({ templateId: "no-such-template" })))).toEqual({
      errcode: 40037,
      kind: "fatal",
    });
    expect(sim.stats.templateSend).toBe(1);
  });
});

describe("web OAuth through the simulator's pages", () => {
  const redirectUri = "http://app.example/h5/oauth/callback?next=%2Fstudent";
  const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replaceAll("&amp;", "&"));

  /** The browser inside WeChat: opens the authorize URL, picks 陈思远, allows if asked; returns the redirect. */
  async function authorize(scope: "snsapi_base" | "snsapi_userinfo", choice: "allow" | "deny" = "allow"): Promise<URL> {
    const client = createWechatClient(options);
    const start = client.oauthAuthorizeUrl({ redirectUri, scope, state: "a1b2c3" });
    expect(start).toMatch(/\/connect\/oauth2\/authorize\?appid=.+&redirect_uri=.+&response_type=code&scope=.+&state=a1b2c3#wechat_redirect$/);
    const picker = await fetch(start);
    const pickerHtml = await picker.text();
    expect(pickerHtml).toContain("选择模拟微信用户");
    expect(pickerHtml).toContain("陈思远的微信");
    const pick = hrefs(pickerHtml).find((href) => href.includes(`sim_openid=${follower().openid}`))!;
    let response = await fetch(new URL(pick, sim.url), { redirect: "manual" });
    if (scope === "snsapi_userinfo") {
      const consent = await response.text();
      expect(consent).toContain("获得你的公开信息");
      const next = hrefs(consent).find((href) => href.includes(`sim_confirm=${choice}`))!;
      response = await fetch(new URL(next, sim.url), { redirect: "manual" });
    }
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe("http://app.example/h5/oauth/callback");
    expect(location.searchParams.get("next")).toBe("/student");
    expect(location.searchParams.get("state")).toBe("a1b2c3");
    return location;
  }

  it("snsapi_userinfo: consent, code exchange, user info; the code works once", async () => {
    const code = (await authorize("snsapi_userinfo")).searchParams.get("code")!;
    const client = createWechatClient(options);
    const identity = await client.exchangeOAuthCode(code);
    expect(identity).toMatchObject({ openid: follower().openid, scope: "snsapi_userinfo" });
    const info = await client.getOAuthUserInfo(identity.accessToken, identity.openid);
    expect(info.nickname).toBe("陈思远的微信");
    expect((await fetch(info.headimgurl)).headers.get("content-type")).toContain("image/svg+xml");
    expect(await rejection(client.exchangeOAuthCode(code))).toEqual({ errcode: 40163, kind: "fatal" });
  });

  it("snsapi_base: straight back with a code for the openid; no user info", async () => {
    const code = (await authorize("snsapi_base")).searchParams.get("code")!;
    const client = createWechatClient(options);
    const identity = await client.exchangeOAuthCode(code);
    expect(identity).toMatchObject({ openid: follower().openid, scope: "snsapi_base" });
    expect(await rejection(client.getOAuthUserInfo(identity.accessToken, identity.openid))).toEqual({
      errcode: 48001,
      kind: "fatal",
    });
  });

  it("a refusal comes back with the state and no code", async () => {
    const location = await authorize("snsapi_userinfo", "deny");
    expect(location.searchParams.has("code")).toBe(false);
  });

  it("rejects an unknown code and a state WeChat would not accept", async () => {
    const client = createWechatClient(options);
    expect(await rejection(client.exchangeOAuthCode("bogus"))).toEqual({ errcode: 40029, kind: "fatal" });
    expect(() => client.oauthAuthorizeUrl({ redirectUri, scope: "snsapi_base", state: "a/b" })).toThrow();
  });
});
