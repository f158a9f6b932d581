// The push outbox end to end: the dispatcher, the real WeChat client and the local WeChat simulator over HTTP, with
// the simulator's injected faults (a seeded random, so the rolls repeat). Like bench/push.ts, but small enough for
// the suite, and with the dispatcher's clock injected so that backoffs and quota pauses pass without waiting.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withdrawConsent } from "@/lib/binding/unbind-wechat";
import { db } from "@/lib/db";
import { seededRandom } from "@/lib/demo/seed";
import { type WechatClient, createWechatClient } from "@/lib/wechat/client";
import { wechatConfig } from "@/lib/wechat/config";
import { type SimFaultsInput, type WechatSimulator, startWechatSimulator } from "@/lib/wechat-sim";
import { actorOf } from "@/tests/factories";
import { type DispatchOptions, type DispatchReport, type DispatchState, dispatchDuePushes } from "./dispatch-pushes";
import { templateDataOf } from "./render-push-content";
import { DAYTIME, NIGHT, NIGHT_ENDS, bindStudent, makePushSchool, openidOf, raise } from "./test-fixtures";

// quotaMs well over half the lease: after a 45009 the dispatcher hands its rows back (to come due on the injected
// clock) instead of sleeping out the pause for real.
const BACKOFF = { baseMs: 1_000, maxMs: 8_000, maxAttempts: 10, quotaMs: 120_000 };
const DISPATCH: DispatchOptions = { batchSize: 50, concurrency: 4, leaseMs: 60_000, backoff: BACKOFF, random: () => 0.5 };
// A held answer (the timeout fault) costs this much per try; the client's own retries wait only a little.
const CLIENT = { timeoutMs: 200, baseDelayMs: 20 };
const MAX_ROUNDS = 60;

/** What the client saw on the wire: proof that each injected fault actually happened. */
interface Tally {
  http503: number;
  quota: number;
  expired: number;
  timeout: number;
}

/** The real fetch, counting the faults in the simulator's answers. */
function tallyingFetch(tally: Tally): typeof fetch {
  return async (input, init) => {
    let response: Response;
    try {
      response = await fetch(input, init);
    } catch (error) {
      if ((error as { name?: string } | null)?.name === "TimeoutError") tally.timeout++;
      throw error;
    }
    if (response.status === 503) tally.http503++;
    else {
      // A copy of the body, so that the client still reads the answer itself (and judges it unaltered).
      const { errcode } = (await response.clone().json().catch(() => ({}))) as { errcode?: number };
      if (errcode === 45009) tally.quota++;
      if (errcode === 42001) tally.expired++;
    }
    return response;
  };
}

type School = Awaited<ReturnType<typeof makePushSchool>>;

let s: School;
let sim: WechatSimulator;
let wechat: WechatClient;
let tally: Tally;

beforeEach(async () => {
  // This file's own database: each test starts with an empty outbox and no cached access_token (the previous
  // test's simulator issued it).
  await db.pushMessage.deleteMany();
  await db.wechatAccessToken.deleteMany();
  sim = await startWechatSimulator({ users: [], templateFinishEvents: false, random: seededRandom(20260304) });
  tally = { http503: 0, quota: 0, expired: 0, timeout: 0 };
  wechat = createWechatClient({
    config: { ...wechatConfig(), apiBase: sim.url, timeoutMs: CLIENT.timeoutMs },
    baseDelayMs: CLIENT.baseDelayMs,
    fetch: tallyingFetch(tally),
  });
});

afterEach(async () => {
  await sim.close();
});

/** The students as followers of the simulated account (the same openids as their bindings). */
function follow(students: readonly { id: string; name: string }[], options: { subscribed?: boolean } = {}) {
  for (const student of students) sim.addUser({ nickname: student.name, openid: openidOf(student.id), ...options });
}

const dispatchAt = (now: Date, state?: DispatchState) => dispatchDuePushes({ ...DISPATCH, client: wechat, now: () => now }, state);

const rowOf = (userId: string) => db.pushMessage.findFirstOrThrow({ where: { userId, lessonId: s.lesson.id } });

/**
 * Dispatches batch after batch, the clock jumping to the next due row or the end of a quota pause, until no row is
 * left to send. `afterRound` runs between batches. Returns the reports summed.
 */
async function drain(from: Date, batchSize: number, afterRound: (round: number) => void): Promise<DispatchReport> {
  const state: DispatchState = { pausedUntil: 0 };
  const total: DispatchReport = { claimed: 0, sent: 0, skipped: 0, deferred: 0, retrying: 0, failed: 0, released: 0, lost: 0, errors: 0 };
  let now = from;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // One send at a time: the simulator's seeded fault rolls then fall on the same requests on every run.
    const report = await dispatchDuePushes({ ...DISPATCH, batchSize, concurrency: 1, client: wechat, now: () => now }, state);
    for (const key of Object.keys(total) as (keyof DispatchReport)[]) total[key] += report[key];
    afterRound(round);
    const open = await db.pushMessage.aggregate({
      where: { status: { in: ["QUEUED", "DEFERRED", "SENDING"] } },
      _count: true,
      _min: { nextAttemptAt: true },
    });
    if (!open._count) return total;
    now = new Date(Math.max(now.getTime(), open._min.nextAttemptAt?.getTime() ?? 0, state.pausedUntil));
  }
  throw new Error(`outbox not drained after ${MAX_ROUNDS} rounds`);
}

/** The one message the simulator holds for this student, checked against the row that sent it. */
async function expectDeliveredOnce(userId: string, templateId: string) {
  const row = await rowOf(userId);
  const messages = sim.messagesFor(openidOf(userId));
  expect(messages).toHaveLength(1);
  expect(messages[0]).toMatchObject({ templateId, url: row.url, data: templateDataOf(row), clientMsgId: row.id });
  expect(row).toMatchObject({ status: "SENT", reason: null, leaseUntil: null, wechatMsgId: messages[0].msgid });
}

describe("push outbox → WeChat client → simulator", () => {
  it("delivers to every eligible student exactly once through token expiry, 45009 storms, 503s and lost answers", async () => {
    s = await makePushSchool(14);
    for (const student of s.students) await bindStudent(student.id);
    follow(s.students);
    const faults: SimFaultsInput = { quotaRate: 0.1, errorRate5xx: 0.2, timeoutRate: 0.1 };
    sim.setFaults(faults);
    await raise("live.topic_opened", s.course.id, s.lesson.id, "cm3topic0000000000000000");

    // After the first batch every access_token issued so far expires (42001 on the next sends).
    const report = await drain(DAYTIME, 6, (round) => round === 0 && sim.setFaults({ ...faults, expireTokens: true }));

    // The faults did happen: otherwise this would prove nothing.
    expect(tally.http503).toBeGreaterThan(0);
    expect(tally.quota).toBeGreaterThan(0);
    expect(tally.timeout).toBeGreaterThan(0);
    expect(tally.expired).toBeGreaterThan(0);
    expect(sim.stats.forceRefresh).toBeGreaterThan(0);
    expect(report.retrying).toBeGreaterThan(0);
    expect(report).toMatchObject({ sent: s.students.length, skipped: 0, failed: 0, lost: 0, errors: 0 });

    // Exactly once each, though timed-out sends were stored by WeChat and sent again (client_msg_id de-duplicates).
    expect(sim.received).toHaveLength(s.students.length);
    for (const student of s.students) await expectDeliveredOnce(student.id, wechatConfig().templates.live_topic);
    expect(sim.stats.templateSend).toBeGreaterThan(s.students.length);
  });

  it("skips ineligible students with the reason; a student who unfollowed in WeChat is marked unreachable after one try", async () => {
    s = await makePushSchool(5);
    const [ok, notBound, withdrawn, noConsent, unsubscribed, prefOff, unfollowed] = s.students;
    await bindStudent(ok.id);
    await bindStudent(withdrawn.id, { consent: "withdrawn" });
    await bindStudent(noConsent.id, { consent: "none" });
    await bindStudent(unsubscribed.id, { subscribed: false });
    await bindStudent(prefOff.id, { preferencesOff: ["preclass_feedback"] });
    // The binding still says subscribed: the app has not heard of the unfollow, only WeChat knows (43004).
    await bindStudent(unfollowed.id);
    // All of them exist in WeChat and follow, so that a wrong send would arrive.
    follow([ok, notBound, withdrawn, noConsent, unsubscribed, prefOff]);
    follow([unfollowed], { subscribed: false });
    await raise("preclass.published", s.course.id, s.lesson.id, "cm3package00000000000000");

    expect(await dispatchAt(DAYTIME)).toMatchObject({ claimed: 7, sent: 1, skipped: 6, retrying: 0, failed: 0 });
    await expectDeliveredOnce(ok.id, wechatConfig().templates.preclass_feedback);
    expect(sim.received).toHaveLength(1);

    const expected = [
      [notBound, "not_bound", 0],
      [withdrawn, "no_consent", 0],
      [noConsent, "no_consent", 0],
      [unsubscribed, "unsubscribed", 0],
      [prefOff, "preference_off", 0],
      [unfollowed, "unreachable:43004", 1],
    ] as const;
    for (const [student, reason, attempts] of expected) {
      expect(await rowOf(student.id)).toMatchObject({ status: "SKIPPED", reason, attempts, wechatMsgId: null, leaseUntil: null });
    }
    expect(await db.wechatBinding.findUniqueOrThrow({ where: { userId: unfollowed.id } })).toMatchObject({
      status: "UNREACHABLE",
      statusReason: "wechat:43004",
    });
    // Two template sends reached WeChat: the one delivered and the one refused. Nothing is due any more.
    expect(sim.stats.templateSend).toBe(2);
    expect((await dispatchAt(new Date(DAYTIME.getTime() + 86_400_000))).claimed).toBe(0);
    expect(sim.stats.templateSend).toBe(2);
  });

  it("defers pushes in quiet hours to the end of the window, then delivers each once", async () => {
    s = await makePushSchool(1);
    const { students } = s;
    for (const student of students) await bindStudent(student.id);
    follow(students);
    await raise("preclass.published", s.course.id, s.lesson.id, "cm3package00000000000000");

    expect(await dispatchAt(NIGHT)).toMatchObject({ claimed: 3, deferred: 3, sent: 0 });
    for (const student of students) {
      expect(await rowOf(student.id)).toMatchObject({ status: "DEFERRED", reason: "quiet_hours", nextAttemptAt: NIGHT_ENDS, attempts: 0 });
    }
    expect(sim.received).toHaveLength(0);
    expect(sim.stats.templateSend).toBe(0);

    expect((await dispatchAt(new Date(NIGHT_ENDS.getTime() - 1))).claimed).toBe(0);
    expect(await dispatchAt(NIGHT_ENDS)).toMatchObject({ claimed: 3, sent: 3 });
    for (const student of students) {
      await expectDeliveredOnce(student.id, wechatConfig().templates.preclass_feedback);
      expect(await rowOf(student.id)).toMatchObject({ attempts: 1, sentAt: NIGHT_ENDS });
    }
    expect(sim.received).toHaveLength(3);
  });

  it("does not send to a student who withdrew consent after the push was queued", async () => {
    s = await makePushSchool(1);
    const { students } = s;
    const [, withdrawing] = students;
    for (const student of students) await bindStudent(student.id);
    follow(students);
    await raise("preclass.published", s.course.id, s.lesson.id, "cm3package00000000000000");
    expect(await rowOf(withdrawing.id)).toMatchObject({ status: "QUEUED" });

    await withdrawConsent(actorOf(withdrawing));

    expect(await dispatchAt(DAYTIME)).toMatchObject({ claimed: 3, sent: 2, skipped: 1 });
    expect(await rowOf(withdrawing.id)).toMatchObject({ status: "SKIPPED", reason: "no_consent", attempts: 0, wechatMsgId: null });
    expect(sim.messagesFor(openidOf(withdrawing.id))).toHaveLength(0);
    for (const student of students.filter((u) => u !== withdrawing)) {
      await expectDeliveredOnce(student.id, wechatConfig().templates.preclass_feedback);
    }
    expect(sim.stats.templateSend).toBe(2);
  });
});
