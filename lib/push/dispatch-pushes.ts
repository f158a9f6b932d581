import { markUnreachable } from "@/lib/binding/mark-unreachable";
import { type PushEligibility, pushEligibilities } from "@/lib/binding/push-eligibility";
import { type QuietHours, quietHoursEnd } from "@/lib/binding/quiet-hours";
import { WechatApiError, sendTemplateMessage } from "@/lib/wechat/client";
import { wechatConfig } from "@/lib/wechat/config";
import { type PushKind, isPushKind } from "@/lib/wechat/push-kinds";
import { type BackoffPolicy, DEFAULT_BACKOFF, quotaDelayMs, retryDelayMs } from "./backoff";
import { type ClaimedPush, LEASE_EXPIRED, type Settlement, claimDuePushes, settleClaimedPushes } from "./claim-due-pushes";
import { templateDataOf } from "./render-push-content";

/** What the dispatcher needs of lib/wechat/client.ts; tests and the benchmark inject their own. */
export interface PushClient {
  sendTemplateMessage(message: {
    touser: string;
    templateId: string;
    url: string;
    data: Record<string, { value: string }>;
    clientMsgId: string;
  }): Promise<{ msgid: string }>;
}

export interface DispatchOptions {
  client?: PushClient;
  /** Rows claimed at a time. */
  batchSize?: number;
  /** Sends in flight at once. */
  concurrency?: number;
  /** How long a claim holds a row. Keep it well under WeChat's 10-minute client_msg_id de-duplication window. */
  leaseMs?: number;
  backoff?: Partial<BackoffPolicy>;
  now?: () => Date;
  random?: () => number;
}

/** Kept by one dispatcher: after a quota error it sends nothing until `pausedUntil` (epoch ms). */
export interface DispatchState {
  pausedUntil: number;
}

export type Outcome = "sent" | "skipped" | "deferred" | "retrying" | "failed" | "released" | "lost" | "errors";

export type DispatchReport = { claimed: number } & Record<Outcome, number>;

const emptyReport = (): DispatchReport => ({
  claimed: 0,
  sent: 0,
  skipped: 0,
  deferred: 0,
  retrying: 0,
  failed: 0,
  released: 0,
  lost: 0,
  errors: 0,
});

interface Settings {
  client: PushClient;
  batchSize: number;
  concurrency: number;
  leaseMs: number;
  backoff: BackoffPolicy;
  now: () => Date;
  random: () => number;
  templates: Record<PushKind, string>;
}

type Settle = (push: ClaimedPush, settlement: Settlement) => Promise<boolean>;

/** What the workers of one dispatcher share. */
interface Context {
  s: Settings;
  state: DispatchState;
  /** Writes a row's settlement; "lost" when the lease was lost meanwhile. */
  finish(push: ClaimedPush, settlement: Settlement, outcome: Outcome): Promise<Outcome>;
}

/** How long a settlement may wait for others to share its statement. */
const SETTLE_LINGER_MS = 5;

/**
 * Group commit: settlements are written together, one statement for all that arrived within a few milliseconds (or
 * at once when every worker is waiting). PGlite runs a statement on this thread, so without the wait every send's
 * answer would be written alone.
 */
function createSettler(workers: number): Settle {
  let pending: { push: ClaimedPush; settlement: Settlement; done: (settled: boolean) => void; fail: (error: unknown) => void }[] = [];
  let timer: NodeJS.Timeout | undefined;
  let flushing = false;
  async function flush() {
    clearTimeout(timer);
    timer = undefined;
    flushing = true;
    while (pending.length) {
      const batch = pending;
      pending = [];
      try {
        const settled = await settleClaimedPushes(batch);
        for (const item of batch) item.done(settled.has(item.push.id));
      } catch (error) {
        for (const item of batch) item.fail(error);
      }
    }
    flushing = false;
  }
  return (push, settlement) =>
    new Promise<boolean>((done, fail) => {
      pending.push({ push, settlement, done, fail });
      if (flushing) return;
      if (pending.length >= workers) void flush();
      else timer ??= setTimeout(() => void flush(), SETTLE_LINGER_MS);
    });
}

function quietUntil(quietHours: QuietHours, now: Date): Date | null {
  const end = quietHoursEnd(quietHours, now);
  return end && end > now ? end : null;
}

async function onSendError({ s, state, finish }: Context, push: ClaimedPush, error: unknown, attempts: number): Promise<Outcome> {
  const now = s.now().getTime();
  const wechat = error instanceof WechatApiError ? error : null;
  const code = wechat ? `:${wechat.errcode}` : "";
  switch (wechat?.kind) {
    case "quota": {
      // The whole account is over its quota, not this row: stop sending for a while (the rest of the batch too).
      state.pausedUntil = Math.max(state.pausedUntil, now + quotaDelayMs(s.backoff, s.random));
      return finish(push, { status: "QUEUED", reason: `quota${code}`, attempts, nextAttemptAt: new Date(state.pausedUntil) }, "retrying");
    }
    case "unreachable":
      await markUnreachable(push.userId, `wechat${code}`);
      return finish(push, { status: "SKIPPED", reason: `unreachable${code}`, attempts }, "skipped");
    case "fatal":
      return finish(push, { status: "FAILED", reason: `fatal${code}`, attempts }, "failed");
    default:
      // "retryable", "token" (the refresh failed), and anything unexpected: try again later, a bounded number of times.
      if (!wechat) console.error(`[push] sending ${push.id} failed:`, error instanceof Error ? error.message : error);
      if (attempts >= s.backoff.maxAttempts) return finish(push, { status: "FAILED", reason: `max_attempts${code}`, attempts }, "failed");
      return finish(
        push,
        { status: "QUEUED", reason: `retry${code}`, attempts, nextAttemptAt: new Date(now + retryDelayMs(attempts, s.backoff, s.random)) },
        "retrying",
      );
  }
}

async function processPush(context: Context, push: ClaimedPush, eligibility: PushEligibility | undefined): Promise<Outcome> {
  const { s, state, finish } = context;
  const keepReason = push.recovered ? LEASE_EXPIRED : null;
  const paused = state.pausedUntil - s.now().getTime();
  if (paused > 0) {
    // A short pause ends well within the lease: wait it out. A long one (a real quota, minutes): hand the row back.
    if (state.pausedUntil + s.leaseMs / 2 > push.leaseUntil.getTime()) {
      return finish(push, { status: "QUEUED", reason: keepReason ?? "quota", nextAttemptAt: new Date(state.pausedUntil) }, "released");
    }
    await new Promise((resolve) => setTimeout(resolve, paused));
  }
  const now = s.now();
  // Too little of the lease left for a send with the client's own retries: hand the row back rather than risk
  // another instance claiming it while we are still sending.
  if (push.leaseUntil.getTime() - now.getTime() < s.leaseMs / 2) {
    return finish(push, { status: "QUEUED", reason: keepReason, nextAttemptAt: now }, "released");
  }
  if (!isPushKind(push.kind) || !eligibility) return finish(push, { status: "FAILED", reason: "unknown_kind" }, "failed");
  if (!eligibility.ok) return finish(push, { status: "SKIPPED", reason: eligibility.reason }, "skipped");
  // A recovered row may already have reached WeChat; retry it at once, inside the client_msg_id window, rather than
  // deferring it past the window and risking a second copy.
  if (!push.urgent && !push.recovered) {
    const end = quietUntil(eligibility.quietHours, now);
    if (end) return finish(push, { status: "DEFERRED", reason: "quiet_hours", nextAttemptAt: end }, "deferred");
  }

  const attempts = push.attempts + 1;
  let msgid: string;
  try {
    ({ msgid } = await s.client.sendTemplateMessage({
      touser: eligibility.openid,
      templateId: s.templates[push.kind],
      url: push.url,
      data: templateDataOf(push),
      clientMsgId: push.id,
    }));
  } catch (error) {
    return onSendError(context, push, error, attempts);
  }
  return finish(push, { status: "SENT", reason: null, attempts, wechatMsgId: msgid, sentAt: s.now() }, "sent");
}

function settingsOf(options: DispatchOptions): Settings {
  return {
    client: options.client ?? { sendTemplateMessage },
    batchSize: options.batchSize ?? 50,
    concurrency: options.concurrency ?? 8,
    leaseMs: options.leaseMs ?? 60_000,
    backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
    now: options.now ?? (() => new Date()),
    random: options.random ?? Math.random,
    templates: wechatConfig().templates,
  };
}

interface Claimed {
  push: ClaimedPush;
  eligibility: PushEligibility | undefined;
}

/** Rows one dispatcher has claimed and not yet taken, and how to claim and settle more. */
function createPump(options: DispatchOptions, state: DispatchState) {
  const s = settingsOf(options);
  const queue: Claimed[] = [];
  const settle = createSettler(s.concurrency);
  const context: Context = { s, state, finish: async (push, settlement, outcome) => ((await settle(push, settlement)) ? outcome : "lost") };
  let claiming: Promise<number> | undefined;

  async function claim(): Promise<number> {
    if (s.now().getTime() < state.pausedUntil) return 0;
    const claimed = await claimDuePushes({ now: s.now(), limit: s.batchSize, leaseMs: s.leaseMs });
    // Decided for the whole batch just before sending: three queries per kind instead of three per row.
    const eligibility = new Map<string, Map<string, PushEligibility>>();
    for (const kind of new Set(claimed.map((push) => push.kind))) {
      if (!isPushKind(kind)) continue;
      eligibility.set(kind, await pushEligibilities(claimed.filter((push) => push.kind === kind).map((push) => push.userId), kind));
    }
    queue.push(...claimed.map((push) => ({ push, eligibility: eligibility.get(push.kind)?.get(push.userId) })));
    return claimed.length;
  }

  return {
    concurrency: s.concurrency,
    /** Claims the next batch; one claim at a time, every worker that ran dry waits for it. */
    refill: () => (claiming ??= claim().finally(() => (claiming = undefined))),
    take: () => queue.shift(),
    process: ({ push, eligibility }: Claimed): Promise<Outcome> =>
      processPush(context, push, eligibility).catch((error: unknown): Outcome => {
        console.error(`[push] ${push.id} left to its lease:`, error instanceof Error ? error.message : error);
        return "errors";
      }),
    /** Hands claimed rows nobody took back to the queue (the dispatcher is stopping). */
    async releaseUntaken(): Promise<void> {
      const untaken = queue.splice(0);
      await settleClaimedPushes(
        untaken.map(({ push }) => ({ push, settlement: { status: "QUEUED", reason: push.recovered ? LEASE_EXPIRED : null, nextAttemptAt: s.now() } })),
      );
    },
  };
}

/**
 * One batch: claims up to batchSize due rows and settles each — SKIPPED (not eligible, with the reason), DEFERRED
 * (quiet hours, non-urgent), SENT, or back to QUEUED / FAILED / SKIPPED after a WeChat error. A row that could not
 * be settled (a database error) stays SENDING until its lease expires and a later claim recovers it.
 */
export async function dispatchDuePushes(options: DispatchOptions = {}, state: DispatchState = { pausedUntil: 0 }): Promise<DispatchReport> {
  const pump = createPump(options, state);
  const report = emptyReport();
  report.claimed = await pump.refill();
  const worker = async () => {
    for (let item = pump.take(); item; item = pump.take()) report[await pump.process(item)] += 1;
  };
  await Promise.all(Array.from({ length: Math.min(pump.concurrency, report.claimed) }, worker));
  return report;
}

export interface WorkerControl {
  keepGoing(): boolean;
  /** Waits before looking again when nothing is due (or sending is paused). */
  idle(): Promise<void>;
  onSettled?(outcome: Outcome): void;
}

/**
 * The dispatcher's workers: each takes the next claimed row, and claims a new batch when they run out, so that a
 * slow send (a timeout and its retries) holds up only its own worker. Returns once `keepGoing` turns false and the
 * sends in flight are settled.
 */
export async function runPushWorkers(options: DispatchOptions, state: DispatchState, control: WorkerControl): Promise<void> {
  const pump = createPump(options, state);
  const worker = async () => {
    while (control.keepGoing()) {
      const item = pump.take();
      if (item) {
        const outcome = await pump.process(item);
        control.onSettled?.(outcome);
        continue;
      }
      const claimed = await pump.refill().catch((error: unknown) => {
        console.error("[push] claiming failed:", error instanceof Error ? error.message : error);
        return 0;
      });
      if (!claimed) await control.idle();
    }
  };
  await Promise.all(Array.from({ length: pump.concurrency }, worker));
  await pump.releaseUntaken();
}
