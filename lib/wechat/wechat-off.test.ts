import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { GET, POST } from "@/app/api/wechat/callback/route";
import { GET as h5Entry } from "@/app/h5/entry/route";
import { db } from "@/lib/db";
import { openTopic } from "@/lib/live/open-topic";
import { discussion, freshLimits, makeLiveSchool } from "@/lib/live/test-fixtures";
import { startPushDispatcher } from "@/lib/push/push-dispatcher";
import { bindStudent, fakeClient, makePushSchool, raise } from "@/lib/push/test-fixtures";
import { findWechatConfig, wechatConfig } from "./config";
import { bindForTest, deliveryRequest, textMessage, urlWith } from "./inbound-test-fixtures";
import { inboundWorkSettled } from "./inbound-work";
import { callbackSignature } from "./signature";
import { buildXml } from "./xml";

// A deployment outside demo mode (PostgreSQL, DEMO_MODE unset) that has no WECHAT_* settings.
vi.mock("@/lib/env", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/env")>()), isDemoMode: () => false }));

/** The demo account whose token and key are published in the repository: what an attacker would sign with. */
const demoAccount = wechatConfig(process.env, true);

beforeEach(() => {
  freshLimits();
  for (const name of Object.keys(process.env)) if (name.startsWith("WECHAT_")) vi.stubEnv(name, "");
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(async () => {
  await inboundWorkSettled();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("WeChat without settings outside demo mode", () => {
  it("is off, and says once which settings are missing", () => {
    expect(findWechatConfig()).toBeNull();
    expect(findWechatConfig()).toBeNull();
    expect(console.warn).toHaveBeenCalledTimes(1);
    expect(vi.mocked(console.warn).mock.calls[0][0]).toMatch(/WECHAT_APP_ID.*WECHAT_TOKEN/);
  });

  it("sends an app link opened in WeChat to its page through the ordinary sign-in, not to WeChat's OAuth", () => {
    const response = h5Entry(new NextRequest("http://localhost:3000/h5/entry?next=%2Fstudent%2Fquizzes%2Fq1"));
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get("location")!).pathname).toBe("/student/quizzes/q1");
    expect(response.cookies.getAll()).toEqual([]);
  });

  it("answers the callback's URL check with 503, even when signed with the demo token", async () => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const query = { signature: callbackSignature(demoAccount.token, timestamp, "42"), timestamp, nonce: "42", echostr: "hello" };
    const response = await GET(new Request(urlWith(query)));
    expect(response.status).toBe(503);
    expect(await response.text()).not.toContain("hello");
  });

  it.each(["raw", "aes"] as const)("answers a %s delivery signed with the demo account with 503 and processes nothing", async (mode) => {
    const { lesson, as, student } = await makeLiveSchool();
    const openid = await bindForTest(student.id);
    const topic = await openTopic(as.teacher, discussion(lesson.id));
    const response = await POST(deliveryRequest(buildXml(textMessage(openid, "二尖瓣狭窄")), { mode, config: demoAccount }));
    expect(response.status).toBe(503);
    await inboundWorkSettled();
    expect(await db.topicAnswer.count({ where: { topicId: topic.id } })).toBe(0);
    expect(await db.wechatInbound.count({ where: { openid } })).toBe(0);
  });

  it("sends no push: rows stay queued, untouched, for when WeChat is configured", async () => {
    const s = await makePushSchool();
    for (const student of s.students) await bindStudent(student.id, { quiet: [0, 0] });
    await raise("live.topic_opened", s.course.id, s.lesson.id, "cm3topicoff0000000000000");
    const { client, calls } = fakeClient();
    const dispatcher = startPushDispatcher({ client, intervalMs: 10 });
    await sleep(200);
    await dispatcher.stop();
    expect(calls).toEqual([]);
    const rows = await db.pushMessage.findMany({ where: { lessonId: s.lesson.id }, select: { status: true, attempts: true, reason: true } });
    expect(rows).toEqual(s.students.map(() => ({ status: "QUEUED", attempts: 0, reason: null })));
  });
});
