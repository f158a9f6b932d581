import { findWechatConfig } from "@/lib/wechat/config";
import { type DispatchOptions, type DispatchState, type Outcome, runPushWorkers } from "./dispatch-pushes";
import { enqueueDueDeadlineReminders, enqueueDueFeedbackSummaries } from "./enqueue-pushes";
import { queuePushesForRaisedEvents } from "./queue-raised-events";

export interface PushDispatcherOptions extends DispatchOptions {
  /** How long an idle worker waits before looking for due rows again. */
  intervalMs?: number;
  /** How often to look for feedback windows that closed and homework due within a day. */
  summaryEveryMs?: number;
  /** Called for every settled row (the benchmark and tests watch progress). */
  onSettled?: (outcome: Outcome) => void;
}

export interface PushDispatcher {
  /** Lets the sends in flight finish, hands unsent claimed rows back, then stops. */
  stop(): Promise<void>;
}

/**
 * The in-process outbox dispatcher: server.ts starts one per app instance (several instances are safe, see
 * claim-due-pushes.ts). Its workers send whatever is due; when nothing is, they look again every `intervalMs`.
 * While WeChat is off (lib/wechat/config.ts) events still become outbox rows, but nothing is sent: the rows stay
 * QUEUED (the teachers' push pages show them pending) until WeChat is configured and the app restarted.
 */
export function startPushDispatcher(options: PushDispatcherOptions = {}): PushDispatcher {
  const { intervalMs = 2000, summaryEveryMs = 30_000, onSettled, ...dispatch } = options;
  const now = dispatch.now ?? (() => new Date());
  const state: DispatchState = { pausedUntil: 0 };
  let stopped = false;
  const sleepers = new Set<() => void>();

  const idle = () =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, intervalMs);
      sleepers.add(wake);
    });

  const timedPushes = async () => {
    try {
      await enqueueDueFeedbackSummaries(now());
      await enqueueDueDeadlineReminders(now());
    } catch (error) {
      console.error("[push] feedback summaries or deadline reminders failed:", error instanceof Error ? error.message : error);
    }
  };
  void timedPushes();
  const summaryTimer = setInterval(() => void timedPushes(), summaryEveryMs);

  // New domain events become outbox rows within a second; workers are woken to send them at once.
  let expanding = false;
  const expand = async () => {
    if (expanding || stopped) return;
    expanding = true;
    try {
      while ((await queuePushesForRaisedEvents()) > 0) for (const wake of [...sleepers]) wake();
    } catch (error) {
      console.error("[push] queuing pushes for events failed:", error instanceof Error ? error.message : error);
    } finally {
      expanding = false;
    }
  };
  void expand();
  const expandTimer = setInterval(() => void expand(), Math.min(intervalMs, 1000));

  const workers = findWechatConfig()
    ? runPushWorkers(dispatch, state, { keepGoing: () => !stopped, idle, onSettled }).catch((error: unknown) => {
        console.error("[push] dispatcher stopped:", error instanceof Error ? error.message : error);
      })
    : Promise.resolve();

  return {
    async stop() {
      stopped = true;
      clearInterval(summaryTimer);
      clearInterval(expandTimer);
      for (const wake of [...sleepers]) wake();
      await workers;
    },
  };
}
