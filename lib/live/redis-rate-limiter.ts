import { randomUUID } from "node:crypto";
import { createClient } from "redis";
import { AppError } from "@/lib/errors";
import { LIVE_RATE_LIMITS, type LiveRateLimiter, type LiveRateLimits, memoryLiveRateLimiter } from "./rate-limit";

// With several instances behind Redis, per-process windows would let a student through once per instance. The
// windows live in Redis instead: one sorted set of attempt times per student and limit, trimmed and checked in one
// script so that concurrent attempts on different instances cannot both take the last slot. Redis's clock stamps
// the attempts, so instances with drifting clocks still agree.

export type LiveRedisClient = ReturnType<typeof createClient>;

const KEY_PREFIX = "medblend:live-rate:";

// KEYS[1] the window; ARGV max, windowMs, a unique member (two attempts in the same millisecond both count).
// Returns 1 when the attempt is recorded, 0 when the window is full (a refused attempt is not recorded).
const TAKE_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local max, windowMs = tonumber(ARGV[1]), tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - windowMs)
if redis.call('ZCARD', KEYS[1]) >= max then return 0 end
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('PEXPIRE', KEYS[1], windowMs)
return 1`;

/**
 * A limiter over a connected client. When Redis fails (down, timed out) attempts are counted in this process's
 * memory instead: limits then hold per instance, as they did before Redis, and a live lesson keeps working.
 */
export function redisLiveRateLimiter(client: LiveRedisClient, limits: LiveRateLimits = LIVE_RATE_LIMITS): LiveRateLimiter {
  const fallback = memoryLiveRateLimiter(limits);
  let degraded = false;
  return {
    async take(limit, actorId) {
      const { max, windowMs } = limits[limit];
      let recorded: unknown;
      try {
        recorded = await client.eval(TAKE_SCRIPT, {
          keys: [`${KEY_PREFIX}${limit}:${actorId}`],
          arguments: [String(max), String(windowMs), randomUUID()],
        });
      } catch (error) {
        // Once per outage: thousands of answers a minute would otherwise each log the same failure.
        if (!degraded) console.error("[live] rate limits fall back to per-instance memory: Redis failed", error);
        degraded = true;
        return fallback.take(limit, actorId);
      }
      if (degraded) console.log("[live] rate limits back on Redis");
      degraded = false;
      if (recorded !== 1) throw new AppError("live.rate_limited");
    },
  };
}

/** Connects a client of its own (socket.io's pub/sub pair is busy with the adapter) and returns the limiter. */
export async function connectRedisLiveRateLimiter(redisUrl: string): Promise<LiveRateLimiter & { close(): Promise<void> }> {
  const client: LiveRedisClient = createClient({
    url: redisUrl,
    // Fail fast instead of queueing while reconnecting, so a Redis outage falls back to memory at once.
    disableOfflineQueue: true,
    commandOptions: { timeout: 1000 },
  });
  client.on("error", (error) => console.error("[live] rate-limit redis", error));
  await client.connect();
  return {
    ...redisLiveRateLimiter(client),
    async close() {
      await client.quit().catch(() => undefined);
    },
  };
}
