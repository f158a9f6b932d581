import { refreshStaleSummaries } from "@/lib/analytics/summaries";
import { advancePeerReviewPhases } from "@/lib/peer/switch-phase";
import { submitOverdueAttempts } from "@/lib/quiz/submit-overdue-attempts";

/** Work that is due at a time rather than on a request; each job is safe to run on several instances at once. */
const JOBS: { name: string; run: (now: Date) => Promise<unknown> }[] = [
  // Attempts are also submitted when read; this catches students who never come back.
  { name: "overdue quiz attempts", run: submitOverdueAttempts },
  // Peer reviews set to switch phase on their dates; one that cannot (e.g. no reference example) is shown overdue.
  { name: "peer-review phases", run: advancePeerReviewPhases },
  // Dashboard summaries, a few stale courses at a time, so that a dashboard seldom builds them while someone waits.
  { name: "analytics summaries", run: refreshStaleSummaries },
];

export interface Schedules {
  stop(): Promise<void>;
}

/** Runs every job every `everyMs`; a run that is still going is not started again. */
export function startSchedules(everyMs = 15_000): Schedules {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = (async () => {
      for (const job of JOBS) {
        try {
          await job.run(new Date());
        } catch (error) {
          console.error(`[schedules] ${job.name} failed:`, error instanceof Error ? error.message : error);
        }
      }
    })().finally(() => {
      running = null;
    });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
