import { AppError } from "@/lib/errors";
import { LIVE_RATE_LIMITS } from "./limits";

// In-memory sliding windows (see LIVE_RATE_LIMITS); a student reconnecting to another instance gets a fresh window
// there, which is harmless at these limits.

export { LIVE_RATE_LIMITS };

export type LiveLimit = keyof typeof LIVE_RATE_LIMITS;

// Server actions (Next's module graph) and socket handlers (server.ts's) run in one process: share the hits.
const holder = globalThis as typeof globalThis & { __medblendLiveHits?: Map<string, number[]> };
const hits: Map<string, number[]> = (holder.__medblendLiveHits ??= new Map());

const SWEEP_AT = 20_000;

/** Records an attempt, or throws live.rate_limited when the actor already used up the window. */
export function takeLiveToken(limit: LiveLimit, actorId: string, now = Date.now()): void {
  const { max, windowMs } = LIVE_RATE_LIMITS[limit];
  const key = `${limit}:${actorId}`;
  const recent = (hits.get(key) ?? []).filter((at) => at > now - windowMs);
  if (recent.length >= max) {
    hits.set(key, recent);
    throw new AppError("live.rate_limited");
  }
  recent.push(now);
  hits.set(key, recent);
  if (hits.size > SWEEP_AT) sweep(now);
}

function sweep(now: number) {
  const longest = Math.max(...Object.values(LIVE_RATE_LIMITS).map((l) => l.windowMs));
  for (const [key, times] of hits) if (times.every((at) => at <= now - longest)) hits.delete(key);
}

/** For tests: forget every attempt. */
export function resetLiveRateLimits(): void {
  hits.clear();
}
