// Limits of the live lesson, shared by the server and the screens (no imports: client bundles include this file).

export const LIVE_LIMITS = {
  prompt: 500,
  option: 100,
  minOptions: 2,
  maxOptions: 8,
  answer: 1000,
  reply: 1000,
  maxLateAfterMinutes: 120,
} as const;

/**
 * Sliding-window rate limits per student (lib/live/rate-limit.ts): in memory, or in Redis when instances share one so
 * that the limits hold across them. Answers come in bursts of thousands within seconds; a database round trip per
 * check would cost more than the answer itself.
 */
export const LIVE_RATE_LIMITS = {
  /** Answers and edits. */
  answer: { max: 5, windowMs: 10_000 },
  /** 不懂 presses: one counts, repeated taps do not inflate the board. */
  lost: { max: 1, windowMs: 20_000 },
  /** Sign-in attempts: 10⁶ codes, two valid at a time, leave no room for guessing. */
  checkIn: { max: 10, windowMs: 60_000 },
} as const;
