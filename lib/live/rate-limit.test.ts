import { randomUUID } from "node:crypto";
import { createClient } from "redis";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { type LiveRateLimiter, memoryLiveRateLimiter, setLiveRateLimiter, takeLiveToken } from "./rate-limit";
import { type LiveRedisClient, connectRedisLiveRateLimiter, redisLiveRateLimiter } from "./redis-rate-limiter";

const REDIS_URL = process.env.REDIS_URL;
const SHORT = { answer: { max: 3, windowMs: 300 }, lost: { max: 1, windowMs: 300 }, checkIn: { max: 2, windowMs: 300 } };
const newActor = () => `actor-${randomUUID()}`;

/** Takes `times` tokens (one after the other) and returns how many were refused with live.rate_limited. */
async function refusals(limiter: LiveRateLimiter, limit: keyof typeof SHORT, actorId: string, times: number) {
  let refused = 0;
  for (let i = 0; i < times; i++) {
    const error = await limiter.take(limit, actorId).catch((e: unknown) => e);
    if (error) {
      expect(error).toMatchObject({ code: "live.rate_limited" });
      refused++;
    }
  }
  return refused;
}

describe("memory live rate limiter", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("allows max per window per actor and limit, then refuses until the window slides past", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const limiter = memoryLiveRateLimiter(SHORT);
    const actor = newActor();
    expect(await refusals(limiter, "answer", actor, 5)).toBe(2);
    // Other actors and other limits have their own windows.
    expect(await refusals(limiter, "answer", newActor(), 3)).toBe(0);
    expect(await refusals(limiter, "checkIn", actor, 2)).toBe(0);
    vi.advanceTimersByTime(301);
    expect(await refusals(limiter, "answer", actor, 4)).toBe(1);
  });
});

describe("takeLiveToken", () => {
  afterEach(() => setLiveRateLimiter(undefined));

  it("goes through the limiter server.ts installs, and back to this process's memory without one", async () => {
    const seen: string[] = [];
    setLiveRateLimiter({ take: async (limit, actorId) => void seen.push(`${limit}:${actorId}`) });
    await takeLiveToken("lost", "a1");
    await takeLiveToken("lost", "a1");
    expect(seen).toEqual(["lost:a1", "lost:a1"]);
    setLiveRateLimiter(undefined);
    const actor = newActor();
    await takeLiveToken("lost", actor);
    await expect(takeLiveToken("lost", actor)).rejects.toMatchObject({ code: "live.rate_limited" });
  });
});

describe.skipIf(!REDIS_URL)("Redis live rate limiter", () => {
  const clients: LiveRedisClient[] = [];
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    await Promise.allSettled(closers.map((close) => close()));
    await Promise.allSettled(clients.map((client) => client.quit()));
  });

  async function connected() {
    const client: LiveRedisClient = createClient({ url: REDIS_URL });
    clients.push(client);
    await client.connect();
    return client;
  }

  it("enforces one combined limit for two instances sharing Redis", async () => {
    const [a, b] = [redisLiveRateLimiter(await connected(), SHORT), redisLiveRateLimiter(await connected(), SHORT)];
    const actor = newActor();
    // Alternating instances: each would allow 3 on its own, together they allow 3.
    const outcomes: string[] = [];
    for (const instance of [a, b, a, b, a, b]) {
      outcomes.push(await instance.take("answer", actor).then(() => "ok", (e: { code: string }) => e.code));
    }
    expect(outcomes).toEqual(["ok", "ok", "ok", "live.rate_limited", "live.rate_limited", "live.rate_limited"]);
    // Concurrent attempts on both instances cannot both take the last slot.
    const racer = newActor();
    const raced = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).take("checkIn", racer)));
    expect(raced.filter((r) => r.status === "fulfilled")).toHaveLength(SHORT.checkIn.max);
    // Limits and actors stay apart.
    expect(await refusals(b, "lost", actor, 1)).toBe(0);
    expect(await refusals(a, "answer", newActor(), 3)).toBe(0);
  });

  it("lets the window expire: the key carries a TTL of the window and the actor may act again after it", async () => {
    const client = await connected();
    const limiter = redisLiveRateLimiter(client, SHORT);
    const actor = newActor();
    expect(await refusals(limiter, "answer", actor, 4)).toBe(1);
    const key = `medblend:live-rate:answer:${actor}`;
    const ttl = await client.pTTL(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(SHORT.answer.windowMs);
    await new Promise((resolve) => setTimeout(resolve, SHORT.answer.windowMs + 50));
    expect(await client.exists(key)).toBe(0);
    expect(await refusals(limiter, "answer", actor, 4)).toBe(1);
  });

  it("falls back to per-instance memory when Redis fails, instead of failing the student's answer", async () => {
    const client = await connected();
    const limiter = redisLiveRateLimiter(client, SHORT);
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
    clients.splice(clients.indexOf(client), 1);
    client.destroy();
    expect(await refusals(limiter, "answer", newActor(), 4)).toBe(1);
    expect(consoleError).toHaveBeenCalledTimes(1);
    consoleError.mockRestore();
  });

  it("connects from a URL, as server.ts does, and counts with the production limits", async () => {
    const limiter = await connectRedisLiveRateLimiter(REDIS_URL!);
    closers.push(() => limiter.close());
    const actor = newActor();
    await limiter.take("lost", actor);
    await expect(limiter.take("lost", actor)).rejects.toMatchObject({ code: "live.rate_limited" });
  });
});
