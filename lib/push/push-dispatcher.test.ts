import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { beforeEach, describe, expect, it } from "vitest";
import { CONSENT_TEXT_VERSION } from "@/lib/binding/consent";
import { db } from "@/lib/db";
import { type PushClient, dispatchDuePushes } from "./dispatch-pushes";
import { startPushDispatcher } from "./push-dispatcher";
import { DAYTIME, bindStudent, fakeClient, makePushSchool, openidOf, raise } from "./test-fixtures";

beforeEach(async () => {
  // This file's own database: start each test with an empty outbox and no feedback windows.
  await db.pushMessage.deleteMany();
  await db.preClassPackage.deleteMany();
});

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await sleep(10);
  }
}

const unsettled = () => db.pushMessage.count({ where: { status: { in: ["QUEUED", "SENDING"] } } });

describe("startPushDispatcher", () => {
  it("drains the outbox batch after batch, sends the feedback summary once the window closes, and stops", async () => {
    const s = await makePushSchool(4);
    // Real time here: no quiet hours, so that the test does not depend on the hour it runs at.
    for (const student of s.students) await bindStudent(student.id, { quiet: [0, 0] });
    await bindStudent(s.teacher.id, { quiet: [0, 0] });
    await db.preClassPackage.create({
      data: { lessonId: s.lesson.id, status: "PUBLISHED", opensAt: new Date(Date.now() - 86_400_000), closesAt: new Date(Date.now() - 60_000) },
    });
    await raise("live.topic_opened", s.course.id, s.lesson.id, "cm3topic0000000000000000");

    const { client, calls } = fakeClient();
    const outcomes: string[] = [];
    const dispatcher = startPushDispatcher({ client, intervalMs: 10, batchSize: 2, onSettled: (outcome) => outcomes.push(outcome) });
    try {
      await until(async () => (await db.pushMessage.count({ where: { kind: "feedback_summary" } })) === 2 && (await unsettled()) === 0);
    } finally {
      await dispatcher.stop();
    }
    expect(calls.filter((c) => c.templateId.includes("live_topic")).map((c) => c.touser).sort()).toEqual(s.students.map((u) => openidOf(u.id)).sort());
    const summaries = await db.pushMessage.findMany({ where: { kind: "feedback_summary" }, select: { userId: true, status: true, reason: true } });
    expect(summaries).toEqual(
      expect.arrayContaining([
        { userId: s.teacher.id, status: "SENT", reason: null },
        { userId: s.assistant.id, status: "SKIPPED", reason: "not_bound" },
      ]),
    );
    // Every row settled once: 6 topic pushes and the teacher's summary sent, the assistant's skipped.
    expect(outcomes.sort()).toEqual([...Array(s.students.length + 1).fill("sent"), "skipped"].sort());

    // Stopped: new rows stay queued.
    await raise("live.topic_opened", s.course.id, s.lesson.id, "cm3topic1111111111111111");
    await sleep(60);
    expect(await unsettled()).toBe(s.students.length);
  });
});

/** A client whose first send hangs until `release()`; the others answer at once. */
function stallFirst() {
  const { client: fast, calls } = fakeClient();
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const client: PushClient = {
    async sendTemplateMessage(message) {
      if (!calls.length) {
        calls.push(message);
        await released;
        return { msgid: "late" };
      }
      return fast.sendTemplateMessage(message);
    },
  };
  return { client, calls, release };
}

describe("startPushDispatcher with a stalled send", () => {
  it("a stalled send holds up only its own worker", async () => {
    const s = await makePushSchool(4);
    for (const student of s.students) await bindStudent(student.id, { quiet: [0, 0] });
    await raise("live.topic_opened", s.course.id, s.lesson.id, "cm3topic0000000000000000");
    const { client, release } = stallFirst();
    const dispatcher = startPushDispatcher({ client, intervalMs: 10, batchSize: 2, concurrency: 2 });
    try {
      await until(async () => (await db.pushMessage.count({ where: { status: "SENT" } })) === s.students.length - 1);
      expect(await db.pushMessage.count({ where: { status: "SENDING" } })).toBe(1);
    } finally {
      release();
      await dispatcher.stop();
    }
    expect(await db.pushMessage.count({ where: { status: "SENT" } })).toBe(s.students.length);
  });

  it("stop() lets the send in flight finish and hands claimed rows nobody took back to the queue", async () => {
    const s = await makePushSchool(4);
    for (const student of s.students) await bindStudent(student.id, { quiet: [0, 0] });
    await raise("live.topic_opened", s.course.id, s.lesson.id, "cm3topic0000000000000000");
    const { client, calls, release } = stallFirst();
    const dispatcher = startPushDispatcher({ client, intervalMs: 10, batchSize: 10, concurrency: 1 });
    await until(async () => calls.length === 1);
    const stopped = dispatcher.stop();
    release();
    await stopped;
    const rows = await db.pushMessage.findMany({ select: { status: true, leaseUntil: true } });
    expect(rows.filter((r) => r.status === "SENT")).toHaveLength(1);
    expect(rows.filter((r) => r.status === "QUEUED" && r.leaseUntil === null)).toHaveLength(s.students.length - 1);
  });
});

describe("several dispatchers at once (PostgreSQL: FOR UPDATE SKIP LOCKED)", () => {
  it.skipIf(process.env.TEST_DB_BACKEND !== "postgres")("never send one row twice", async () => {
    const s = await makePushSchool();
    const n = 300;
    const users = await db.user.createManyAndReturn({
      data: Array.from({ length: n }, (_, i) => ({ no: `bulk-${randomBytes(4).toString("hex")}-${i}`, name: `学生${i}`, role: "STUDENT" as const, passwordHash: "x" })),
      select: { id: true },
    });
    await db.courseMember.createMany({ data: users.map((u) => ({ courseId: s.course.id, userId: u.id, role: "STUDENT" as const })) });
    await db.wechatBinding.createMany({ data: users.map((u) => ({ userId: u.id, openid: openidOf(u.id) })) });
    await db.wechatConsent.createMany({ data: users.map((u) => ({ userId: u.id, openid: openidOf(u.id), textVersion: CONSENT_TEXT_VERSION, action: "GRANTED" as const })) });
    await raise("preclass.published", s.course.id, s.lesson.id, "cm3package00000000000000");

    const sends = new Map<string, number>();
    const client: PushClient = {
      async sendTemplateMessage(message) {
        sends.set(message.clientMsgId, (sends.get(message.clientMsgId) ?? 0) + 1);
        await sleep(Math.random() * 3);
        return { msgid: `m-${message.clientMsgId}` };
      },
    };
    const drain = async () => {
      let claimed = 0;
      for (;;) {
        const report = await dispatchDuePushes({ client, batchSize: 20, concurrency: 4, now: () => DAYTIME });
        if (!report.claimed) return claimed;
        claimed += report.claimed;
      }
    };
    const claims = await Promise.all([drain(), drain(), drain()]);

    // The two classmates of makeSchool are not bound: skipped, never sent.
    expect(claims.reduce((a, b) => a + b, 0)).toBe(n + 2);
    expect(claims.filter((c) => c > 0).length).toBeGreaterThan(1);
    expect(sends.size).toBe(n);
    expect([...sends.values()].every((count) => count === 1)).toBe(true);
    expect(await db.pushMessage.count({ where: { lessonId: s.lesson.id, status: "SENT" } })).toBe(n);
  });
});
