import { createCipheriv } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/wechat/callback/route";
import { db } from "@/lib/db";
import { closeTopic } from "@/lib/live/close-topic";
import { openTopic } from "@/lib/live/open-topic";
import { discussion, freshLimits, makeLiveSchool, poll } from "@/lib/live/test-fixtures";
import { pushLinkOf } from "@/lib/push/render-push-content";
import { makeCourse, makeUser } from "@/tests/factories";
import { wechatConfig } from "./config";
import { decryptMessage, encryptMessage } from "./crypto";
import {
  ACCOUNT_ID,
  bindForTest,
  deliveryRequest,
  eventMessage,
  nextMsgId,
  openidOf,
  textMessage,
  urlWith,
} from "./inbound-test-fixtures";
import { MAX_HANDLING } from "./inbound-dispatch";
import { inboundWorkSettled } from "./inbound-work";
import { callbackSignature, msgSignature, signaturesMatch } from "./signature";
import { buildXml, parseWechatXml } from "./xml";

// The route handler called as WeChat (or the simulator) calls it: signed query, XML body, real database.

const config = wechatConfig();

beforeEach(() => {
  freshLimits();
  // Replies are checked here, so wait for them even on a loaded test machine; the budget itself is tested below.
  vi.stubEnv("WECHAT_ACK_BUDGET_MS", "4000");
});
afterEach(async () => {
  await inboundWorkSettled();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

type Fields = Record<string, string | number>;
const deliver = (fields: Fields, options: Parameters<typeof deliveryRequest>[1] = {}) => POST(deliveryRequest(buildXml(fields), options));

/** The passive reply's fields (decrypted and its signature checked in safe mode), or null for "success". */
async function replyOf(response: Response): Promise<Record<string, string> | null> {
  expect(response.status).toBe(200);
  const body = await response.text();
  if (body === "success") return null;
  const outer = parseWechatXml(body);
  if (!outer.Encrypt) return outer;
  expect(signaturesMatch(msgSignature(config.token, outer.TimeStamp, outer.Nonce, outer.Encrypt), outer.MsgSignature)).toBe(true);
  return parseWechatXml(decryptMessage(outer.Encrypt, config));
}

async function classWithBoundStudent() {
  const school = await makeLiveSchool();
  const openid = await bindForTest(school.student.id);
  return { ...school, openid };
}

const answersOf = (topicId: string) => db.topicAnswer.findMany({ where: { topicId }, orderBy: { createdAt: "asc" } });

/** The link a reply gives: the lesson's live page through the H5 entry, as the topic's push links it. */
const lessonLink = (lessonId: string) => pushLinkOf("live_topic", lessonId);

describe("GET: the URL check", () => {
  const signed = (timestamp: string, nonce: string) => ({ signature: callbackSignature(config.token, timestamp, nonce), timestamp, nonce });

  it("echoes echostr to a correctly signed check", async () => {
    const response = await GET(new Request(urlWith({ ...signed("1714036504", "1514711492"), echostr: "4375120948345356249" })));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await response.text()).toBe("4375120948345356249");
  });

  it.each([
    ["a wrong signature", { ...signed("1714036504", "1514711492"), signature: "f464b24fc39322e44b38aa78f5edd27bd1441696" }],
    ["a signature over other values", { ...signed("1714036504", "1514711492"), nonce: "1514711493" }],
    ["no signature", { ...signed("1714036504", "1514711492"), signature: null }],
    ["no timestamp", { ...signed("1714036504", "1514711492"), timestamp: null }],
    ["no echostr", { ...signed("1714036504", "1514711492"), echostr: null }],
  ])("answers %s with a bare 403", async (_name, query) => {
    const response = await GET(new Request(urlWith({ echostr: "4375120948345356249", ...query })));
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("forbidden");
  });
});

describe("POST: a student's text reply", () => {
  it("lands on the open topic as their WECHAT answer, with a passive reply that links the lesson and quotes nothing", async () => {
    const { lesson, as, openid } = await classWithBoundStudent();
    const topic = await openTopic(as.teacher, discussion(lesson.id, { prompt: "这位患者心尖区舒张期隆隆样杂音提示什么？请结合病史回答" }));
    const reply = await replyOf(await deliver(textMessage(openid, "  二尖瓣狭窄  ")));
    expect(reply).toMatchObject({ ToUserName: openid, FromUserName: ACCOUNT_ID, MsgType: "text" });
    expect(reply!.Content).toBe(`已收到你的回答。可在课堂页面查看讨论：${lessonLink(lesson.id)}`);
    expect(new URL(lessonLink(lesson.id)).searchParams.get("next")).toBe(`/student/lessons/${lesson.id}/live`);
    expect(await answersOf(topic.id)).toMatchObject([{ studentId: as.student.id, text: "二尖瓣狭窄", source: "WECHAT" }]);
  });

  it("works the same in safe mode, with an encrypted, freshly signed reply", async () => {
    const { lesson, as, openid } = await classWithBoundStudent();
    const topic = await openTopic(as.teacher, discussion(lesson.id));
    const response = await deliver(textMessage(openid, "风湿性心脏病"), { mode: "aes" });
    const raw = await response.clone().text();
    expect(raw).toContain("<Encrypt>");
    expect(raw).not.toContain("已收到");
    expect((await replyOf(response))!.Content).toBe(`已收到你的回答。可在课堂页面查看讨论：${lessonLink(lesson.id)}`);
    expect(await answersOf(topic.id)).toMatchObject([{ text: "风湿性心脏病", source: "WECHAT" }]);
  });

  it("processes a retried delivery once and answers the retry like the original", async () => {
    const { lesson, as, openid } = await classWithBoundStudent();
    const topic = await openTopic(as.teacher, discussion(lesson.id));
    const message = textMessage(openid, "二尖瓣狭窄");
    const [first, concurrent] = await Promise.all([deliver(message), deliver(message, { mode: "aes" })]);
    const later = await deliver(message);
    const replies = await Promise.all([first, concurrent, later].map(replyOf));
    expect(replies.map((r) => r?.Content)).toEqual(Array(3).fill(replies[0]!.Content));
    expect(await answersOf(topic.id)).toHaveLength(1);
    expect(await db.wechatInbound.count({ where: { openid } })).toBe(1);
  });

  it("acks with success when the answer takes longer than the budget, and stores it all the same", async () => {
    vi.stubEnv("WECHAT_ACK_BUDGET_MS", "0");
    const { lesson, as, openid } = await classWithBoundStudent();
    const topic = await openTopic(as.teacher, discussion(lesson.id));
    expect(await replyOf(await deliver(textMessage(openid, "二尖瓣狭窄")))).toBeNull();
    await inboundWorkSettled();
    expect(await answersOf(topic.id)).toMatchObject([{ text: "二尖瓣狭窄", source: "WECHAT" }]);
  });

  it("queues a burst beyond what it handles at once: acked at once with success, stored all the same", async () => {
    const { lesson, as, openid, student2 } = await classWithBoundStudent();
    const openid2 = await bindForTest(student2.id);
    const topic = await openTopic(as.teacher, discussion(lesson.id));
    const burst = [openid, openid2].flatMap((o) => [1, 2, 3].map((i) => textMessage(o, `回答 ${i}`)));
    const replies = await Promise.all(burst.map(async (message) => replyOf(await deliver(message))));
    const confirmed = replies.filter(Boolean).length;
    expect(confirmed).toBeGreaterThanOrEqual(MAX_HANDLING);
    expect(confirmed).toBeLessThan(burst.length);
    await inboundWorkSettled();
    expect(await answersOf(topic.id)).toHaveLength(burst.length);
  });

  it("does not process a delivery another instance has claimed", async () => {
    const { lesson, as, openid } = await classWithBoundStudent();
    const topic = await openTopic(as.teacher, discussion(lesson.id));
    const message = textMessage(openid, "二尖瓣狭窄");
    await db.wechatInbound.create({ data: { dedupeKey: `msg:${message.MsgId}`, openid, msgType: "text" } });
    expect(await replyOf(await deliver(message))).toBeNull();
    expect(await answersOf(topic.id)).toHaveLength(0);
  });

  it("takes option letters for a poll, in any case and width", async () => {
    const { lesson, as, openid } = await classWithBoundStudent();
    const topic = await openTopic(as.teacher, poll(lesson.id, { kind: "POLL_MULTIPLE" }));
    const seeThePoll = `可在课堂页面查看投票：${lessonLink(lesson.id)}`;
    expect((await replyOf(await deliver(textMessage(openid, "ａ，c"))))!.Content).toBe(`已收到你的选择：AC。${seeThePoll}`);
    expect((await replyOf(await deliver(textMessage(openid, "b"))))!.Content).toBe(`已收到你的选择：B。${seeThePoll}`);
    expect(await answersOf(topic.id)).toMatchObject([{ choices: [1], text: "", source: "WECHAT" }]);
  });

  it.each([
    ["a letter that is no option", "POLL_SINGLE", "D", "这道题是单选题，请回复一个选项字母（A–C）。"],
    ["two letters for a single choice", "POLL_SINGLE", "AB", "这道题是单选题，请回复一个选项字母（A–C）。"],
    ["prose for a poll", "POLL_MULTIPLE", "我觉得是二尖瓣", "这道题是多选题，请回复选项字母，可以多选，例如 AB（选项 A–C）。"],
  ])("explains how to answer a poll on %s", async (_name, kind, content, expected) => {
    const { lesson, as, openid } = await classWithBoundStudent();
    const topic = await openTopic(as.teacher, poll(lesson.id, { kind }));
    expect((await replyOf(await deliver(textMessage(openid, content))))!.Content).toBe(`${expected}题目和选项见课堂页面：${lessonLink(lesson.id)}`);
    expect(await answersOf(topic.id)).toHaveLength(0);
  });

  it("answers the most recently opened topic among the student's courses", async () => {
    const { lesson, as, openid, dept, teacher, student } = await classWithBoundStudent();
    const older = await openTopic(as.teacher, discussion(lesson.id, { prompt: "较早的话题" }));
    const otherCourse = await makeCourse(dept.id, [
      { userId: teacher.id, role: "TEACHER" },
      { userId: student.id, role: "STUDENT" },
    ]);
    const otherLesson = await db.lesson.create({ data: { courseId: otherCourse.id, position: 0, title: "第二门课", startsAt: new Date(), endsAt: new Date(Date.now() + 3_600_000) } });
    const newer = await openTopic(as.teacher, discussion(otherLesson.id, { prompt: "较新的话题" }));
    expect((await replyOf(await deliver(textMessage(openid, "回答"))))!.Content).toBe(`已收到你的回答。可在课堂页面查看讨论：${lessonLink(otherLesson.id)}`);
    expect(await answersOf(newer.id)).toHaveLength(1);
    expect(await answersOf(older.id)).toHaveLength(0);
  });

  it("says why nothing was taken: no open topic, a topic that just closed, too fast", async () => {
    const { lesson, as, openid } = await classWithBoundStudent();
    expect((await replyOf(await deliver(textMessage(openid, "有人吗"))))!.Content).toMatch(/^现在没有正在进行的课堂讨论/);
    const topic = await openTopic(as.teacher, discussion(lesson.id, { prompt: "刚刚结束的话题" }));
    await closeTopic(as.teacher, { topicId: topic.id });
    expect((await replyOf(await deliver(textMessage(openid, "晚了"))))!.Content).toBe("这次课堂讨论已经结束，这条回复没有提交。");

    const open = await openTopic(as.teacher, discussion(lesson.id));
    const replies = [];
    for (let i = 0; i < 6; i++) replies.push((await replyOf(await deliver(textMessage(openid, `回答 ${i}`))))!.Content);
    expect(replies.at(-1)).toBe("发送太频繁了，请稍等几秒再回复。");
    expect(await answersOf(open.id)).toHaveLength(5);
  });

  it("refuses an answer longer than the live limit", async () => {
    const { lesson, as, openid } = await classWithBoundStudent();
    const topic = await openTopic(as.teacher, discussion(lesson.id));
    expect((await replyOf(await deliver(textMessage(openid, "长".repeat(1001)))))!.Content).toBe("回答太长了，请控制在 1000 字以内。");
    expect(await answersOf(topic.id)).toHaveLength(0);
  });

  it("never puts the topic's prompt or options into a reply, on any path", async () => {
    const { lesson, as, openid, student2 } = await classWithBoundStudent();
    const prompt = "患者男，56岁，心尖区舒张期隆隆样杂音，最可能的诊断？";
    const options = ["二尖瓣狭窄（风湿性）", "二尖瓣关闭不全", "主动脉瓣狭窄"];
    const say = async (from: string, content: string) => (await replyOf(await deliver(textMessage(from, content))))!.Content;
    const replies: string[] = [];

    const single = await openTopic(as.teacher, poll(lesson.id, { prompt, options }));
    replies.push(await say(openid, "D"), await say(openid, "我觉得是二尖瓣"), await say(openid, "a"));
    await closeTopic(as.teacher, { topicId: single.id });
    replies.push(await say(openid, "B"));
    const multiple = await openTopic(as.teacher, poll(lesson.id, { kind: "POLL_MULTIPLE", prompt, options }));
    replies.push(await say(openid, "xyz"), await say(openid, "ab"));
    await closeTopic(as.teacher, { topicId: multiple.id });
    await openTopic(as.teacher, discussion(lesson.id, { prompt }));
    replies.push(await say(openid, "   "), await say(openid, "长".repeat(1001)));
    for (let i = 0; i < 5; i++) replies.push(await say(openid, `回答 ${i}`));
    replies.push(await say(openid, "太快了"));
    replies.push(await say(openidOf(), "陌生人"));
    await db.topic.updateMany({ where: { lessonId: lesson.id }, data: { status: "CLOSED", closedAt: new Date(Date.now() - 3_600_000) } });
    replies.push(await say(await bindForTest(student2.id), "没有讨论了"));

    // Every kind of reply came up: confirmations, poll hints, closed, empty, too long, too fast, not bound, nothing open.
    expect(new Set(replies.map((reply) => reply.slice(0, 6))).size).toBeGreaterThanOrEqual(10);
    for (const reply of replies) {
      for (const content of [prompt, "心尖区", "56岁", ...options]) expect(reply).not.toContain(content);
    }
  });

  it("does not let a bound user answer in a course where they are not a student", async () => {
    const { lesson, as, outsider, teacher } = await makeLiveSchool();
    await openTopic(as.teacher, discussion(lesson.id));
    for (const user of [outsider, teacher]) {
      const openid = await bindForTest(user.id);
      expect((await replyOf(await deliver(textMessage(openid, "我来答"))))!.Content).toMatch(/^现在没有正在进行的课堂讨论/);
    }
    expect(await db.topicAnswer.count({ where: { topic: { lessonId: lesson.id } } })).toBe(0);
  });

  it.each([
    ["an unknown openid", async () => openidOf()],
    ["an unbound student", async (userId: string) => {
      const openid = await bindForTest(userId);
      await db.wechatBinding.update({ where: { openid }, data: { status: "UNBOUND" } });
      return openid;
    }],
    ["a student who withdrew consent", async (userId: string) => {
      const openid = await bindForTest(userId);
      await db.wechatConsent.create({ data: { userId, openid, textVersion: "test", action: "WITHDRAWN" } });
      return openid;
    }],
    ["a disabled student", async (userId: string) => {
      await db.user.update({ where: { id: userId }, data: { disabled: true } });
      return bindForTest(userId);
    }],
  ])("answers %s politely and stores nothing", async (_name, openidFor) => {
    const { lesson, as, student } = await makeLiveSchool();
    const topic = await openTopic(as.teacher, discussion(lesson.id));
    const openid = await openidFor(student.id);
    const reply = await replyOf(await deliver(textMessage(openid, "二尖瓣狭窄")));
    expect(reply!.Content).toMatch(/^你的微信还没有绑定杏林课堂账号/);
    expect(await answersOf(topic.id)).toHaveLength(0);
    expect(await db.wechatInbound.count({ where: { openid } })).toBe(0);
  });
});

describe("POST: events and other messages", () => {
  it("follows subscribe and unsubscribe on the binding", async () => {
    const student = await makeUser("STUDENT");
    const openid = await bindForTest(student.id);
    expect(await replyOf(await deliver(eventMessage(openid, "unsubscribe")))).toBeNull();
    await inboundWorkSettled();
    expect(await db.wechatBinding.findUniqueOrThrow({ where: { openid } })).toMatchObject({ subscribed: false });
    expect(await replyOf(await deliver(eventMessage(openid, "subscribe", { EventKey: "" }), { mode: "aes" }))).toBeNull();
    await inboundWorkSettled();
    expect(await db.wechatBinding.findUniqueOrThrow({ where: { openid } })).toMatchObject({ subscribed: true });
  });

  it("settles the outbox row of a template delivery report, once", async () => {
    const student = await makeUser("STUDENT");
    const openid = await bindForTest(student.id);
    const push = (wechatMsgId: string) =>
      db.pushMessage.create({
        data: { dedupeKey: `test:${wechatMsgId}`, kind: "live_topic", userId: student.id, title: "课堂讨论", url: "/student", status: "SENT", wechatMsgId, sentAt: new Date() },
      });
    const delivered = await push(nextMsgId());
    const blocked = await push(nextMsgId());
    const before = Date.now();
    const report = (msgId: string, status: string) => eventMessage(openid, "TEMPLATESENDJOBFINISH", { MsgID: msgId, Status: status });

    expect(await replyOf(await deliver(report(delivered.wechatMsgId!, "success")))).toBeNull();
    expect(await replyOf(await deliver(report(blocked.wechatMsgId!, "failed:user block")))).toBeNull();
    // A late contradicting report does not undo a settled row.
    await deliver(report(delivered.wechatMsgId!, "failed: system failed"), { timestamp: Math.floor(Date.now() / 1000) + 1 });
    await inboundWorkSettled();

    const rows = await db.pushMessage.findMany({ where: { userId: student.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.status, r.reason])).toEqual([
      ["DELIVERED", null],
      ["FAILED", "failed:user block"],
    ]);
    expect(rows[0].deliveredAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(rows[1].deliveredAt).toBeNull();
    // Blocked: nothing more is sent until the student follows or binds again.
    expect(await db.wechatBinding.findUniqueOrThrow({ where: { userId: student.id } })).toMatchObject({
      status: "UNREACHABLE",
      statusReason: "failed:user block",
    });
  });

  it("settles a report that arrives before the dispatcher stored the msgid", async () => {
    const student = await makeUser("STUDENT");
    const openid = await bindForTest(student.id);
    const msgId = nextMsgId();
    await deliver(eventMessage(openid, "TEMPLATESENDJOBFINISH", { MsgID: msgId, Status: "success" }));
    await db.pushMessage.create({
      data: { dedupeKey: `test:${msgId}`, kind: "live_topic", userId: student.id, title: "课堂讨论", url: "/student", status: "SENT", wechatMsgId: msgId, sentAt: new Date() },
    });
    await inboundWorkSettled();
    expect(await db.pushMessage.findUniqueOrThrow({ where: { dedupeKey: `test:${msgId}` } })).toMatchObject({ status: "DELIVERED" });
  });

  it.each([
    ["a menu click", eventMessage(openidOf(), "CLICK", { EventKey: "V1001_TODAY" })],
    ["an image", { ToUserName: ACCOUNT_ID, FromUserName: openidOf(), CreateTime: 1348831860, MsgType: "image", PicUrl: "http://x/y.jpg", MediaId: "m", MsgId: "1" }],
    ["a voice message", { ToUserName: ACCOUNT_ID, FromUserName: openidOf(), CreateTime: 1348831860, MsgType: "voice", MediaId: "m", Format: "amr", MsgId: "2" }],
  ])("answers %s with success", async (_name, fields) => {
    expect(await replyOf(await deliver(fields))).toBeNull();
  });
});

describe("POST: refused requests change nothing", () => {
  const seconds = () => Math.floor(Date.now() / 1000);

  async function setUp() {
    const school = await classWithBoundStudent();
    const topic = await openTopic(school.as.teacher, discussion(school.lesson.id));
    return { ...school, topic };
  }

  /** A safe-mode request whose Encrypt (and msg_signature over it) the test chooses. */
  function sealedRequest(encrypt: string) {
    const timestamp = String(seconds());
    const nonce = "123456";
    const query = { timestamp, nonce, encrypt_type: "aes", signature: callbackSignature(config.token, timestamp, nonce), msg_signature: msgSignature(config.token, timestamp, nonce, encrypt) };
    return new Request(urlWith(query), { method: "POST", body: buildXml({ ToUserName: ACCOUNT_ID, Encrypt: encrypt }) });
  }

  const cases: [string, number, (openid: string) => Request][] = [
    ["a wrong signature", 403, (o) => deliveryRequest(buildXml(textMessage(o, "x")), { query: { signature: "0".repeat(40) } })],
    ["no signature", 403, (o) => deliveryRequest(buildXml(textMessage(o, "x")), { query: { signature: null } })],
    ["a stale timestamp", 403, (o) => deliveryRequest(buildXml(textMessage(o, "x")), { timestamp: seconds() - 301 })],
    ["a timestamp from the future", 403, (o) => deliveryRequest(buildXml(textMessage(o, "x")), { timestamp: seconds() + 301 })],
    ["no nonce", 403, (o) => deliveryRequest(buildXml(textMessage(o, "x")), { query: { nonce: null } })],
    ["a wrong msg_signature", 403, (o) => deliveryRequest(buildXml(textMessage(o, "x")), { mode: "aes", query: { msg_signature: "0".repeat(40) } })],
    ["safe mode signed only with signature", 403, (o) => deliveryRequest(buildXml(textMessage(o, "x")), { mode: "aes", query: { msg_signature: null } })],
    ["an unknown encrypt_type", 400, (o) => deliveryRequest(buildXml(textMessage(o, "x")), { query: { encrypt_type: "rsa" } })],
    ["malformed XML", 400, () => deliveryRequest("<xml><ToUserName>gh</xml>")],
    ["a DOCTYPE", 400, (o) => deliveryRequest(`<!DOCTYPE xml [<!ENTITY e "x">]>${buildXml(textMessage(o, "x"))}`)],
    ["a message without FromUserName", 400, (o) => deliveryRequest(buildXml({ ...textMessage(o, "x"), FromUserName: "" }))],
    ["a message without MsgType", 400, (o) => deliveryRequest(buildXml({ ToUserName: ACCOUNT_ID, FromUserName: o, CreateTime: 1 }))],
    ["invalid UTF-8", 400, (o) => new Request(deliveryRequest("").url, { method: "POST", body: Buffer.concat([Buffer.from(buildXml(textMessage(o, "x")).slice(0, 60)), Buffer.from([0xff, 0xfe])]) })],
    ["safe mode without Encrypt", 400, (o) => {
      const request = deliveryRequest(buildXml(textMessage(o, "x")), { mode: "aes" });
      return new Request(request.url, { method: "POST", body: buildXml(textMessage(o, "x")) });
    }],
    ["bad padding", 400, (o) => sealedRequest(sealedWithBadPadding(buildXml(textMessage(o, "x"))))],
    ["an Encrypt that is not base64", 400, () => sealedRequest("not base64!")],
    ["a message for another app id", 400, (o) => sealedRequest(encryptForOtherApp(buildXml(textMessage(o, "x"))))],
    ["a body above 64 KB", 413, (o) => deliveryRequest(buildXml(textMessage(o, "字".repeat(30_000))))],
    ["a body above 64 KB without Content-Length", 413, (o) => {
      const body = new TextEncoder().encode(buildXml(textMessage(o, "x".repeat(70_000))));
      const stream = new ReadableStream({ start(controller) { controller.enqueue(body); controller.close(); } });
      return new Request(deliveryRequest("").url, { method: "POST", body: stream, duplex: "half" } as RequestInit);
    }],
    ["a Content-Length above 64 KB", 413, (o) => {
      const request = deliveryRequest(buildXml(textMessage(o, "x")));
      return new Request(request.url, { method: "POST", body: "<xml/>", headers: { "Content-Length": String(65 * 1024) } });
    }],
  ];

  it.each(cases)("answers %s with %i", async (_name, status, requestFor) => {
    const { openid, topic } = await setUp();
    const response = await POST(requestFor(openid));
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await response.text()).not.toMatch(/error|at |prisma|stack/i);
    await inboundWorkSettled();
    expect(await answersOf(topic.id)).toHaveLength(0);
    expect(await db.wechatInbound.count({ where: { openid } })).toBe(0);
  });

  it("answers success, not 500, when something unexpected fails, and logs it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const { openid, topic } = await setUp();
    const request = deliveryRequest(buildXml(textMessage(openid, "二尖瓣狭窄")), { mode: "aes" });
    // 43 characters but no base64: a configuration mistake that only decrypting finds.
    vi.stubEnv("WECHAT_ENCODING_AES_KEY", "!".repeat(43));
    const response = await POST(request);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("success");
    expect(log).toHaveBeenCalled();
    expect(await answersOf(topic.id)).toHaveLength(0);
  });
});

/** The same key, another app id: the layout is valid, only the trailing app id differs. */
const encryptForOtherApp = (xml: string) => encryptMessage(xml, { encodingAesKey: config.encodingAesKey, appId: "wx0someone0else0" });

/** Our key, a valid layout, but PKCS#7 padding whose bytes disagree. */
function sealedWithBadPadding(xml: string): string {
  const key = Buffer.from(`${config.encodingAesKey}=`, "base64");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(Buffer.byteLength(xml));
  const plain = Buffer.concat([Buffer.alloc(16, 1), length, Buffer.from(xml), Buffer.from(config.appId)]);
  const pad = 32 - (plain.length % 32);
  const padding = Buffer.alloc(pad, pad);
  padding[0] = pad === 1 ? 0 : pad + 1;
  const cipher = createCipheriv("aes-256-cbc", key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plain, padding])), cipher.final()]).toString("base64");
}
