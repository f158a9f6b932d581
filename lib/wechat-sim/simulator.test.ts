import { afterEach, describe, expect, it } from "vitest";
import { wechatConfig } from "@/lib/wechat/config";
import { decryptMessage, encryptMessage } from "@/lib/wechat/crypto";
import { callbackSignature, msgSignature } from "@/lib/wechat/signature";
import { buildXml, parseWechatXml } from "@/lib/wechat/xml";
import { startWechatSimulator, type WechatSimulator, type WechatSimulatorOptions } from ".";

const config = wechatConfig();
const keys = { encodingAesKey: config.encodingAesKey, appId: config.appId };
const TEMPLATE = config.templates.preclass_feedback;

interface Received {
  query: URLSearchParams;
  body: string;
}

let sim: WechatSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** A simulator delivering to a stand-in for the app's route, which records each request and answers `reply`. */
async function start(options: WechatSimulatorOptions = {}, reply: (received: Received) => Response | Promise<Response> = () => new Response("success")) {
  const received: Received[] = [];
  sim = await startWechatSimulator({
    callback: async (request) => {
      const entry = { query: new URL(request.url).searchParams, body: await request.text() };
      received.push(entry);
      return reply(entry);
    },
    ...options,
  });
  return { sim, received };
}

const chen = () => sim!.users.find((user) => user.nickname === "陈思远的微信")!;

async function api(path: string, body?: unknown) {
  const response = await fetch(`${sim!.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

const stableToken = (overrides: Record<string, unknown> = {}) =>
  api("/cgi-bin/stable_token", { grant_type: "client_credential", appid: config.appId, secret: config.appSecret, ...overrides });

async function send(token: string, overrides: Record<string, unknown> = {}) {
  return api(`/cgi-bin/message/template/send?access_token=${token}`, {
    touser: chen().openid,
    template_id: TEMPLATE,
    url: "http://127.0.0.1:3000/h5/entry",
    data: { thing1: { value: "诊断学 · 心脏听诊" }, time2: { value: "2026年11月26日 08:00" } },
    ...overrides,
  });
}

describe("callback deliveries", () => {
  it("plaintext: signed with sha1 of the sorted token, timestamp and nonce; a text message as WeChat writes it", async () => {
    const { sim, received } = await start({ callbackMode: "plain" });
    const delivery = await sim.deliverToApp({ type: "text", openid: chen().openid, content: "我认为是二尖瓣狭窄 <b>&" });
    expect(delivery).toMatchObject({ status: 200, attempts: 1, reply: null });
    expect(received).toHaveLength(1);
    const { query, body } = received[0];
    expect(query.get("signature")).toBe(callbackSignature(config.token, query.get("timestamp")!, query.get("nonce")!));
    expect(query.get("openid")).toBe(chen().openid);
    expect(query.has("encrypt_type")).toBe(false);
    expect(parseWechatXml(body)).toMatchObject({
      ToUserName: expect.stringMatching(/^gh_/),
      FromUserName: chen().openid,
      CreateTime: query.get("timestamp"),
      MsgType: "text",
      Content: "我认为是二尖瓣狭窄 <b>&",
      MsgId: expect.stringMatching(/^\d{17}$/),
    });
  });

  it("safe mode: msg_signature covers the Encrypt, which decrypts to the message for our appid", async () => {
    const { sim, received } = await start({ callbackMode: "aes" });
    await sim.deliverToApp({ type: "event", openid: chen().openid, event: "subscribe" });
    const { query, body } = received[0];
    const envelope = parseWechatXml(body);
    expect(Object.keys(envelope).sort()).toEqual(["Encrypt", "ToUserName"]);
    expect(query.get("encrypt_type")).toBe("aes");
    expect(query.get("signature")).toBe(callbackSignature(config.token, query.get("timestamp")!, query.get("nonce")!));
    expect(query.get("msg_signature")).toBe(msgSignature(config.token, query.get("timestamp")!, query.get("nonce")!, envelope.Encrypt));
    expect(parseWechatXml(decryptMessage(envelope.Encrypt, keys))).toMatchObject({
      FromUserName: chen().openid,
      MsgType: "event",
      Event: "subscribe",
    });
  });

  it("reads the app's encrypted passive reply and shows it in the user's conversation", async () => {
    const { sim } = await start({ callbackMode: "aes" }, () => {
      const xml = buildXml({ ToUserName: chen().openid, FromUserName: "gh_x", CreateTime: 1, MsgType: "text", Content: "已收到你的回答" });
      const encrypt = encryptMessage(xml, keys);
      const [timeStamp, nonce] = ["1700000000", "12345"];
      const signature = msgSignature(config.token, timeStamp, nonce, encrypt);
      return new Response(buildXml({ Encrypt: encrypt, MsgSignature: signature, TimeStamp: timeStamp, Nonce: nonce }));
    });
    const delivery = await sim.deliverToApp({ type: "text", openid: chen().openid, content: "答案" });
    expect(delivery.reply).toMatchObject({ MsgType: "text", Content: "已收到你的回答" });
    const phone = await (await fetch(`${sim.url}/phone/${chen().openid}`)).text();
    expect(phone).toContain("已收到你的回答");
  });

  it.each([
    {
      problem: "a reply whose MsgSignature does not verify",
      reply: () => new Response(buildXml({ Encrypt: encryptMessage("<xml></xml>", keys), MsgSignature: "0".repeat(40), TimeStamp: "1", Nonce: "2" })),
      error: /MsgSignature/,
    },
    { problem: "a plaintext reply in safe mode", reply: () => new Response(buildXml({ MsgType: "text", Content: "hi" })), error: /plaintext/ },
    { problem: "an HTTP error", reply: () => new Response("oops", { status: 500 }), error: /HTTP 500/ },
  ])("reports $problem as a failed delivery, shown on the phone", async ({ reply, error }) => {
    const { sim } = await start({ callbackMode: "aes" }, reply);
    const delivery = await sim.deliverToApp({ type: "text", openid: chen().openid, content: "答案" });
    expect(delivery.error).toMatch(error);
    expect(await (await fetch(`${sim.url}/phone/${chen().openid}`)).text()).toContain("该公众号暂时无法提供服务");
  });

  it("delivers again when the app does not answer in time, 3 times in all", async () => {
    const { sim, received } = await start({ callbackTimeoutMs: 50 }, () => new Promise<Response>(() => {}));
    const delivery = await sim.deliverToApp({ type: "text", openid: chen().openid, content: "答案" });
    expect(delivery).toMatchObject({ status: null, attempts: 3, error: expect.stringMatching(/5 seconds/) });
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
  });

  it("with duplicateCallbacks, delivers the identical request twice at once", async () => {
    const { sim, received } = await start({ faults: { duplicateCallbacks: 1 } });
    const delivery = await sim.deliverToApp({ type: "text", openid: chen().openid, content: "答案" });
    expect(delivery.duplicated).toBe(true);
    expect(received).toHaveLength(2);
    expect(received[1].body).toBe(received[0].body);
    expect(received[1].query.toString()).toBe(received[0].query.toString());
  });

  it("records a delivery without a callback as failed", async () => {
    sim = await startWechatSimulator();
    expect((await sim.deliverToApp({ type: "text", openid: chen().openid, content: "x" })).error).toBe("no callback configured");
    await expect(sim.deliverToApp({ type: "text", openid: "oUnknown", content: "x" })).rejects.toThrow(/unknown openid/);
  });
});

describe("template messages", () => {
  it("are stored per user and reported to the callback with TEMPLATESENDJOBFINISH", async () => {
    const blocked = { nickname: "拒收消息的同学", blocksTemplates: true };
    const { sim, received } = await start({ callbackMode: "plain" });
    const blocker = sim.addUser(blocked);
    const token = (await stableToken()).access_token as string;
    const first = await send(token);
    const second = await send(token, { touser: blocker.openid });
    expect(first).toMatchObject({ errcode: 0, errmsg: "ok", msgid: expect.any(Number) });
    expect(sim.messagesFor(chen().openid)).toMatchObject([{ msgid: String(first.msgid), templateId: TEMPLATE }]);
    expect(sim.messagesFor(blocker.openid)).toHaveLength(1);
    await sim.idle();
    const events = received.map((r) => parseWechatXml(r.body)).filter((f) => f.Event === "TEMPLATESENDJOBFINISH");
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ FromUserName: chen().openid, MsgID: String(first.msgid), Status: "success" }),
        expect.objectContaining({ FromUserName: blocker.openid, MsgID: String(second.msgid), Status: "failed:user block" }),
      ]),
    );
  });

  it("sends one message per openid + client_msg_id, answering a repeat with the same msgid", async () => {
    const { sim, received } = await start({ callbackMode: "plain" });
    const token = (await stableToken()).access_token as string;
    const first = await send(token, { client_msg_id: "push-1" });
    const again = await send(token, { client_msg_id: "push-1" });
    const other = await send(token, { client_msg_id: "push-2" });
    expect(again.msgid).toBe(first.msgid);
    expect(other.msgid).not.toBe(first.msgid);
    expect(sim.received).toHaveLength(2);
    await sim.idle();
    expect(received).toHaveLength(2);
  });

  it.each([
    { case: "no access_token", token: "", overrides: {}, errcode: 41001 },
    { case: "a malformed access_token", token: "garbage", overrides: {}, errcode: 40014 },
    { case: "an unknown access_token", token: "SIMTOKEN_unknown", overrides: {}, errcode: 40001 },
    { case: "an unknown openid", token: null, overrides: { touser: "oNobody" }, errcode: 40003 },
    { case: "an unknown template", token: null, overrides: { template_id: "nope" }, errcode: 40037 },
    { case: "malformed data", token: null, overrides: { data: { thing1: "not an object" } }, errcode: 47001 },
    { case: "an overlong client_msg_id", token: null, overrides: { client_msg_id: "x".repeat(65) }, errcode: 45067 },
  ])("refuses $case with $errcode and stores nothing", async ({ token, overrides, errcode }) => {
    const { sim } = await start();
    const valid = (await stableToken()).access_token as string;
    expect(await send(token ?? valid, overrides)).toMatchObject({ errcode });
    expect(sim.received).toEqual([]);
  });
});

describe("stable_token", () => {
  it.each([
    { case: "a wrong appid", overrides: { appid: "wxother" }, errcode: 40013 },
    { case: "a wrong secret", overrides: { secret: "nope" }, errcode: 40125 },
    { case: "a wrong grant_type", overrides: { grant_type: "password" }, errcode: 40002 },
  ])("refuses $case", async ({ overrides, errcode }) => {
    await start();
    expect(await stableToken(overrides)).toMatchObject({ errcode });
  });

  it("returns the current token in normal mode; force_refresh replaces it and the old one stops working", async () => {
    await start();
    const first = await stableToken();
    expect(first).toMatchObject({ access_token: expect.stringMatching(/^SIMTOKEN_/), expires_in: 7200 });
    expect((await stableToken()).access_token).toBe(first.access_token);
    const forced = await stableToken({ force_refresh: true });
    expect(forced.access_token).not.toBe(first.access_token);
    expect(await send(first.access_token as string)).toMatchObject({ errcode: 40001 });
    expect(await send(forced.access_token as string)).toMatchObject({ errcode: 0 });
  });

  it("expires tokens after the TTL, and at once on the expireTokens fault", async () => {
    let clock = Date.parse("2026-11-26T00:00:00Z");
    const { sim } = await start({ tokenTtlSeconds: 600, now: () => new Date(clock) });
    const token = (await stableToken()).access_token as string;
    clock += 601_000;
    expect(await send(token)).toMatchObject({ errcode: 42001 });
    const fresh = (await stableToken()).access_token as string;
    expect(await send(fresh)).toMatchObject({ errcode: 0 });
    sim.setFaults({ expireTokens: true });
    expect(await send(fresh)).toMatchObject({ errcode: 42001 });
  });
});

describe("OAuth", () => {
  const authorizeUrl = (params: Record<string, string>) =>
    `${sim!.url}/connect/oauth2/authorize?${new URLSearchParams({
      appid: config.appId,
      redirect_uri: "http://app.example/cb",
      response_type: "code",
      scope: "snsapi_base",
      state: "s1",
      ...params,
    })}`;

  it.each<{ case: string; params: Record<string, string> }>([
    { case: "a wrong appid", params: { appid: "wxother" } },
    { case: "no redirect_uri", params: { redirect_uri: "" } },
    { case: "a javascript: redirect_uri", params: { redirect_uri: "javascript:alert(1)" } },
    { case: "a redirect_uri outside the authorised domains", params: { redirect_uri: "http://evil.example/cb" } },
    { case: "an unknown scope", params: { scope: "snsapi_login" } },
    { case: "an unknown user", params: { sim_openid: "oNobody" } },
  ])("shows an error page for $case", async ({ params }) => {
    await start({ oauthRedirectHosts: ["app.example"] });
    const response = await fetch(authorizeUrl(params), { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("无法打开此链接");
  });

  it("codes expire after 5 minutes", async () => {
    let clock = Date.now();
    await start({ now: () => new Date(clock) });
    const response = await fetch(authorizeUrl({ sim_openid: chen().openid }), { redirect: "manual" });
    const code = new URL(response.headers.get("location")!).searchParams.get("code")!;
    clock += 5 * 60_000 + 1;
    const exchange = `/sns/oauth2/access_token?appid=${config.appId}&secret=${config.appSecret}&code=${code}&grant_type=authorization_code`;
    expect(await api(exchange)).toMatchObject({ errcode: 40029 });
  });
});

describe("the simulated phone", () => {
  it("lists a user's template messages with escaped values, Shanghai times and only http(s) links", async () => {
    const { sim } = await start({ now: () => new Date("2026-11-26T00:00:00Z") });
    const user = sim.addUser({ nickname: "<script>alert('x')</script>" });
    const token = (await stableToken()).access_token as string;
    await send(token, { touser: user.openid, url: "javascript:alert(1)", data: { thing1: { value: "<img src=x onerror=alert(1)>" } } });
    await send(token, { touser: user.openid, url: "http://127.0.0.1:3000/h5/entry?next=%2Fa&b=1" });
    const html = await (await fetch(`${sim.url}/phone/${user.openid}`)).text();
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("javascript:");
    expect(html).toContain('href="http://127.0.0.1:3000/h5/entry?next=%2Fa&amp;b=1"');
    expect(html).toContain("课前反馈提醒");
    expect(html).toContain("11月26日 08:00");
    const index = await (await fetch(`${sim.url}/phone`)).text();
    expect(index).toContain("&lt;script&gt;");
  });

  it("posts a reply from the phone to the app's callback, and refuses posts from other sites", async () => {
    const { sim, received } = await start({ callbackMode: "plain" });
    const path = `${sim.url}/phone/${chen().openid}/send`;
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const ok = await fetch(path, { method: "POST", headers: form, body: "content=%E7%AD%94%E6%A1%88", redirect: "manual" });
    expect(ok.status).toBe(303);
    expect(parseWechatXml(received[0].body)).toMatchObject({ MsgType: "text", Content: "答案" });
    const forged = await fetch(path, { method: "POST", headers: { ...form, origin: "http://evil.example" }, body: "content=x" });
    expect(forged.status).toBe(403);
    expect(received).toHaveLength(1);
  });

  it("unfollowing sends the unsubscribe event, and sends to that user then fail with 43004", async () => {
    const { sim, received } = await start({ callbackMode: "plain" });
    const follow = `${sim.url}/phone/${chen().openid}/follow`;
    await fetch(follow, { method: "POST", body: new URLSearchParams({ action: "unsubscribe" }), redirect: "manual" });
    expect(parseWechatXml(received[0].body)).toMatchObject({ MsgType: "event", Event: "unsubscribe" });
    const token = (await stableToken()).access_token as string;
    expect(await send(token)).toMatchObject({ errcode: 43004 });
  });
});

describe("the admin endpoint", () => {
  it("sets faults and reports state, JSON only", async () => {
    const { sim } = await start();
    const post = (path: string, body: string, type = "application/json") =>
      fetch(`${sim.url}/sim/admin/${path}`, { method: "POST", headers: { "content-type": type }, body });
    expect((await post("faults", JSON.stringify({ quotaRate: 0.5, slowMs: 10 }))).status).toBe(200);
    expect(sim.faults).toMatchObject({ quotaRate: 0.5, slowMs: 10, timeoutRate: 0 });
    expect((await post("faults", "quotaRate=1", "application/x-www-form-urlencoded")).status).toBe(415);
    expect((await post("faults", JSON.stringify({ quotaRate: 2 }))).status).toBe(400);
    const state = (await (await fetch(`${sim.url}/sim/admin/state`)).json()) as { faults: unknown; users: unknown[] };
    expect(state.faults).toMatchObject({ quotaRate: 0.5 });
    expect(state.users).toHaveLength(5);
    const added = (await (await post("users", JSON.stringify({ nickname: "新同学" }))).json()) as { openid: string };
    expect(added.openid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    expect((await post("users", JSON.stringify({ nickname: "重名", openid: added.openid }))).status).toBe(400);
    expect(sim.users).toHaveLength(6);
  });
});
