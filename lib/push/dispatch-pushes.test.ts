import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { wechatConfig } from "@/lib/wechat/config";
import { claimDuePushes } from "./claim-due-pushes";
import { type DispatchOptions, type DispatchState, dispatchDuePushes } from "./dispatch-pushes";
import { templateDataOf } from "./render-push-content";
import { DAYTIME, NIGHT, NIGHT_ENDS, bindStudent, fakeClient, makePushSchool, openidOf, raise } from "./test-fixtures";

type School = Awaited<ReturnType<typeof makePushSchool>>;

const BACKOFF = { baseMs: 10_000, maxMs: 60_000, maxAttempts: 3, quotaMs: 120_000 };
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
const rowOf = (userId: string, kind = "preclass_feedback") => db.pushMessage.findFirstOrThrow({ where: { userId, kind } });
const dispatch = (options: DispatchOptions, state?: DispatchState) => dispatchDuePushes({ backoff: BACKOFF, random: () => 0.5, ...options }, state);

let s: School;
beforeEach(async () => {
  // Each test file has its own database; each test starts with an empty outbox.
  await db.pushMessage.deleteMany();
  s = await makePushSchool(5);
});

describe("dispatchDuePushes: eligibility at send time", () => {
  it("sends to eligible students and skips the others with the reason", async () => {
    const [ok, notBound, withdrawn, noConsent, unsubscribed, prefOff, unreachable] = s.students;
    await bindStudent(ok.id);
    await bindStudent(withdrawn.id, { consent: "withdrawn" });
    await bindStudent(noConsent.id, { consent: "none" });
    await bindStudent(unsubscribed.id, { subscribed: false });
    await bindStudent(prefOff.id, { preferencesOff: ["preclass_feedback"] });
    await bindStudent(unreachable.id, { status: "UNREACHABLE" });
    await raise("preclass.published", s.course.id, s.lesson.id, "cm3package00000000000000");

    const { client, calls } = fakeClient();
    const report = await dispatch({ client, now: () => DAYTIME });
    expect(report).toMatchObject({ claimed: 7, sent: 1, skipped: 6 });

    const sent = await rowOf(ok.id);
    expect(sent).toMatchObject({ status: "SENT", reason: null, attempts: 1, leaseUntil: null, sentAt: DAYTIME });
    expect(calls).toEqual([
      {
        touser: openidOf(ok.id),
        templateId: wechatConfig().templates.preclass_feedback,
        url: sent.url,
        data: templateDataOf(sent),
        clientMsgId: sent.id,
      },
    ]);
    expect(sent.wechatMsgId).toBeTruthy();

    const reasons = Object.fromEntries(
      await Promise.all(
        [notBound, withdrawn, noConsent, unsubscribed, prefOff, unreachable].map(async (u) => {
          const row = await rowOf(u.id);
          expect(row).toMatchObject({ status: "SKIPPED", attempts: 0, leaseUntil: null, wechatMsgId: null });
          return [u.id, row.reason];
        }),
      ),
    );
    expect(reasons).toEqual({
      [notBound.id]: "not_bound",
      [withdrawn.id]: "no_consent",
      [noConsent.id]: "no_consent",
      [unsubscribed.id]: "unsubscribed",
      [prefOff.id]: "preference_off",
      [unreachable.id]: "unreachable",
    });

    // Nothing is due any more.
    expect((await dispatch({ client, now: () => at(DAYTIME, 3600_000) })).claimed).toBe(0);
  });

  it("defers non-urgent pushes in quiet hours to the end of the window, then sends them; urgent ones go at once", async () => {
    const [quiet, nightOwl] = s.students;
    await bindStudent(quiet.id);
    await bindStudent(nightOwl.id, { quiet: [0, 0] });
    await raise("preclass.published", s.course.id, s.lesson.id, "cm3package00000000000000");
    await raise("live.topic_opened", s.course.id, s.lesson.id, "cm3topic0000000000000000");

    const { client, calls } = fakeClient();
    await dispatch({ client, now: () => NIGHT });
    expect(await rowOf(quiet.id)).toMatchObject({ status: "DEFERRED", reason: "quiet_hours", nextAttemptAt: NIGHT_ENDS, attempts: 0 });
    expect(await rowOf(quiet.id, "live_topic")).toMatchObject({ status: "SENT" });
    expect(await rowOf(nightOwl.id)).toMatchObject({ status: "SENT" });
    expect(calls.map((c) => c.touser).sort()).toEqual([openidOf(quiet.id), openidOf(nightOwl.id), openidOf(nightOwl.id)].sort());

    // Still night: not due yet. At 07:00 it goes out.
    expect((await dispatch({ client, now: () => at(NIGHT_ENDS, -1) })).claimed).toBe(0);
    const report = await dispatch({ client, now: () => NIGHT_ENDS });
    expect(report).toMatchObject({ claimed: 1, sent: 1 });
    expect(await rowOf(quiet.id)).toMatchObject({ status: "SENT", reason: null, attempts: 1, sentAt: NIGHT_ENDS });
  });
});

/** One bound student with one queued push (the classmates' rows are removed). */
async function oneQueuedPush() {
  const [student] = s.students;
  await bindStudent(student.id);
  await raise("preclass.published", s.course.id, s.lesson.id, "cm3package00000000000000");
  await db.pushMessage.deleteMany({ where: { userId: { not: student.id } } });
  return student;
}

describe("dispatchDuePushes: WeChat errors", () => {

  it.each([
    ["retryable", "retry:-1"],
    ["token", "retry:40001"],
  ] as const)("%s: back to the queue with exponential backoff, FAILED after the last attempt", async (kind, reason) => {
    const student = await oneQueuedPush();
    const { client, calls } = fakeClient(() => kind);
    let now = DAYTIME;
    const delays: number[] = [];
    for (let attempt = 1; attempt < BACKOFF.maxAttempts; attempt++) {
      await dispatch({ client, now: () => now });
      const row = await rowOf(student.id);
      expect(row).toMatchObject({ status: "QUEUED", reason, attempts: attempt, leaseUntil: null });
      delays.push(row.nextAttemptAt.getTime() - now.getTime());
      now = row.nextAttemptAt;
    }
    // random() = 0.5: three quarters of base · 2^(attempt-1).
    expect(delays).toEqual([7_500, 15_000]);
    await dispatch({ client, now: () => now });
    expect(await rowOf(student.id)).toMatchObject({ status: "FAILED", reason: `max_attempts:${reason.split(":")[1]}`, attempts: 3 });
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.clientMsgId)).size).toBe(1);
  });

  it("unexpected errors are retried too, without an errcode, and logged", async () => {
    const student = await oneQueuedPush();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const client = { sendTemplateMessage: () => Promise.reject(new TypeError("fetch failed")) };
    await dispatch({ client, now: () => DAYTIME });
    expect(await rowOf(student.id)).toMatchObject({ status: "QUEUED", reason: "retry", attempts: 1 });
    expect(logged).toHaveBeenCalledWith(`[push] sending ${(await rowOf(student.id)).id} failed:`, "fetch failed");
    logged.mockRestore();
  });

  it("quota: the row waits, and the dispatcher sends nothing else until the quota pause is over", async () => {
    for (const student of s.students) await bindStudent(student.id);
    await raise("preclass.published", s.course.id, s.lesson.id, "cm3package00000000000000");
    const { client, calls } = fakeClient((_message, call) => (call === 1 ? "quota" : undefined));
    const state: DispatchState = { pausedUntil: 0 };
    const report = await dispatch({ client, now: () => DAYTIME, concurrency: 1 }, state);
    expect(report).toMatchObject({ claimed: 7, retrying: 1, released: 6, sent: 0 });
    expect(calls).toHaveLength(1);
    // random() = 0.5 → exactly quotaMs.
    const resume = at(DAYTIME, BACKOFF.quotaMs);
    expect(state.pausedUntil).toBe(resume.getTime());
    const rows = await db.pushMessage.findMany({ where: { lessonId: s.lesson.id } });
    expect(rows.filter((r) => r.status === "QUEUED" && r.nextAttemptAt.getTime() === resume.getTime())).toHaveLength(7);
    expect(rows.find((r) => r.reason === "quota:45009")).toMatchObject({ attempts: 1 });

    expect((await dispatch({ client, now: () => at(resume, -1) }, state)).claimed).toBe(0);
    expect(await dispatch({ client, now: () => resume }, state)).toMatchObject({ claimed: 7, sent: 7 });
  });

  it("unreachable: SKIPPED, the binding is marked, and later pushes skip without calling WeChat", async () => {
    const student = await oneQueuedPush();
    const { client, calls } = fakeClient(() => "unreachable");
    await dispatch({ client, now: () => DAYTIME });
    expect(await rowOf(student.id)).toMatchObject({ status: "SKIPPED", reason: "unreachable:43004", attempts: 1 });
    expect(await db.wechatBinding.findUniqueOrThrow({ where: { userId: student.id } })).toMatchObject({ status: "UNREACHABLE" });

    await raise("live.topic_opened", s.course.id, s.lesson.id, "cm3topic0000000000000000");
    await dispatch({ client, now: () => DAYTIME });
    expect(await rowOf(student.id, "live_topic")).toMatchObject({ status: "SKIPPED", reason: "unreachable", attempts: 0 });
    expect(calls).toHaveLength(1);
  });

  it("fatal: FAILED at once with the errcode", async () => {
    const student = await oneQueuedPush();
    const { client, calls } = fakeClient(() => "fatal");
    await dispatch({ client, now: () => DAYTIME });
    expect(await rowOf(student.id)).toMatchObject({ status: "FAILED", reason: "fatal:40037", attempts: 1 });
    expect((await dispatch({ client, now: () => at(DAYTIME, 86_400_000) })).claimed).toBe(0);
    expect(calls).toHaveLength(1);
  });
});

describe("dispatchDuePushes: crashes and leases", () => {
  it("retries a row whose lease expired with the same client_msg_id, so WeChat delivers it once", async () => {
    const student = await oneQueuedPush();
    const { client, delivered } = fakeClient();

    // A dispatcher claims the row, gets it to WeChat, and dies before writing SENT.
    const [claimed] = await claimDuePushes({ now: DAYTIME, limit: 10, leaseMs: 60_000 });
    const first = await client.sendTemplateMessage({ touser: openidOf(student.id), templateId: "t", url: claimed.url, data: {}, clientMsgId: claimed.id });

    expect((await dispatch({ client, now: () => at(DAYTIME, 59_000) })).claimed).toBe(0);
    const report = await dispatch({ client, now: () => at(DAYTIME, 60_001) });
    expect(report).toMatchObject({ claimed: 1, sent: 1 });
    expect(await rowOf(student.id)).toMatchObject({ status: "SENT", wechatMsgId: first.msgid, attempts: 2, reason: null });
    expect(delivered.size).toBe(1);
  });

  it("does not defer a recovered row into quiet hours (it may already be on the phone)", async () => {
    const student = await oneQueuedPush();
    const beforeQuiet = at(NIGHT, -3600_000 - 30_000); // 21:59:30 in Shanghai
    await claimDuePushes({ now: beforeQuiet, limit: 10, leaseMs: 60_000 });
    const { client } = fakeClient();
    await dispatch({ client, now: () => at(beforeQuiet, 61_000) });
    expect(await rowOf(student.id)).toMatchObject({ status: "SENT" });
  });

  it("a dispatcher that lost its lease cannot overwrite the result of the one that took over", async () => {
    const student = await oneQueuedPush();
    let clock = DAYTIME;
    let release!: (value: { msgid: string }) => void;
    let called!: () => void;
    const sending = new Promise<void>((resolve) => (called = resolve));
    const stalled = {
      sendTemplateMessage: () => {
        called();
        return new Promise<{ msgid: string }>((resolve) => (release = resolve));
      },
    };
    const slow = dispatch({ client: stalled, now: () => clock, leaseMs: 60_000 });
    await sending;

    clock = at(DAYTIME, 61_000);
    const { client } = fakeClient();
    expect(await dispatch({ client, now: () => clock, leaseMs: 60_000 })).toMatchObject({ claimed: 1, sent: 1 });
    const taken = await rowOf(student.id);

    release({ msgid: "stale-msgid" });
    expect(await slow).toMatchObject({ claimed: 1, lost: 1, sent: 0 });
    expect(await rowOf(student.id)).toMatchObject({ status: "SENT", wechatMsgId: taken.wechatMsgId });
  });

  it("hands back rows whose lease is mostly gone instead of sending them late", async () => {
    const student = await oneQueuedPush();
    let clock = DAYTIME;
    const { client, calls } = fakeClient();
    // The clock jumps between the claim and the send (a long pause, e.g. a stalled event loop).
    const report = await dispatch({
      client,
      now: () => {
        const now = clock;
        clock = at(clock, 40_000);
        return now;
      },
      leaseMs: 60_000,
    });
    expect(report).toMatchObject({ claimed: 1, released: 1 });
    expect(calls).toHaveLength(0);
    expect(await rowOf(student.id)).toMatchObject({ status: "QUEUED", leaseUntil: null, attempts: 0 });
  });
});
