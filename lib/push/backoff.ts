/** How long the dispatcher waits before trying a row again. The client already retries a few times inside. */
export interface BackoffPolicy {
  /** First retry after about this long; doubles with each attempt. */
  baseMs: number;
  maxMs: number;
  /** After this many failed attempts a retryable row is FAILED. */
  maxAttempts: number;
  /** WeChat said 45009 (API quota reached): every send waits this long. */
  quotaMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, maxMs: 30 * 60_000, maxAttempts: 6, quotaMs: 5 * 60_000 };

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so that rows that failed together
 * (a WeChat outage) do not all come back at the same instant. `attempt` counts from 1.
 */
export function retryDelayMs(attempt: number, policy: Pick<BackoffPolicy, "baseMs" | "maxMs">, random = Math.random): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

/** Quota waits get a little jitter too (±10 %), so several instances do not resume in lockstep. */
export function quotaDelayMs(policy: Pick<BackoffPolicy, "quotaMs">, random = Math.random): number {
  return Math.round(policy.quotaMs * (0.9 + random() * 0.2));
}
