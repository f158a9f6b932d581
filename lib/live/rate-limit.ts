import { AppError } from "@/lib/errors";
import { LIVE_RATE_LIMITS } from "./limits";

export { LIVE_RATE_LIMITS };

export type LiveLimit = keyof typeof LIVE_RATE_LIMITS;
export type LiveRateLimits = Record<LiveLimit, { max: number; windowMs: number }>;

/** Sliding windows per student and limit (see LIVE_RATE_LIMITS). */
export interface LiveRateLimiter {
  /** Records an attempt, or throws live.rate_limited when the actor already used up the window. */
  take(limit: LiveLimit, actorId: string): Promise<void>;
}

// Server actions (Next's module graph) and socket handlers (server.ts's) run in one process: they share the limiter
// server.ts installs (Redis-backed when instances share Redis, lib/live/redis-rate-limiter.ts) and, without one,
// the in-memory windows.
const holder = globalThis as typeof globalThis & { __medblendLiveHits?: Map<string, number[]>; __medblendLiveLimiter?: LiveRateLimiter };
const processHits: Map<string, number[]> = (holder.__medblendLiveHits ??= new Map());

export function takeLiveToken(limit: LiveLimit, actorId: string): Promise<void> {
  return (holder.__medblendLiveLimiter ?? processLimiter).take(limit, actorId);
}

/** server.ts installs the Redis-backed limiter when REDIS_URL is set; undefined goes back to this process's memory. */
export function setLiveRateLimiter(limiter: LiveRateLimiter | undefined): void {
  holder.__medblendLiveLimiter = limiter;
}

const SWEEP_AT = 20_000;

/** Windows in this process's memory: right for one instance, and the fallback while Redis is unreachable. */
export function memoryLiveRateLimiter(limits: LiveRateLimits = LIVE_RATE_LIMITS, hits = new Map<string, number[]>()): LiveRateLimiter {
  const longestWindow = Math.max(...Object.values(limits).map((l) => l.windowMs));
  return {
    async take(limit, actorId) {
      const { max, windowMs } = limits[limit];
      const now = Date.now();
      const key = `${limit}:${actorId}`;
      const recent = (hits.get(key) ?? []).filter((at) => at > now - windowMs);
      if (recent.length >= max) {
        hits.set(key, recent);
        throw new AppError("live.rate_limited");
      }
      recent.push(now);
      hits.set(key, recent);
      if (hits.size > SWEEP_AT) {
        for (const [stale, times] of hits) if (times.every((at) => at <= now - longestWindow)) hits.delete(stale);
      }
    },
  };
}

const processLimiter = memoryLiveRateLimiter(LIVE_RATE_LIMITS, processHits);

/** For tests: forget every attempt in this process's memory. */
export function resetLiveRateLimits(): void {
  processHits.clear();
}
