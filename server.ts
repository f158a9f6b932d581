import { createServer } from "node:http";
import next from "next";
import { CLIENT_IP_HEADER, parseTrustedProxies, resolveClientIp } from "@/lib/auth/client-ip";
import { closeDb } from "@/lib/db";
import { DEMO_LOGINS, DEMO_PASSWORD } from "@/lib/demo/accounts";
import { env, isDemoMode, shouldSeedDemo } from "@/lib/env";
import { setIo } from "@/lib/live/io";
import { setLiveRateLimiter } from "@/lib/live/rate-limit";
import { connectRedisLiveRateLimiter } from "@/lib/live/redis-rate-limiter";
import { attachSocketServer } from "@/lib/live/socket-server";
import { startPushDispatcher } from "@/lib/push/push-dispatcher";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { startDemoWechat } from "@/lib/server/demo-wechat";
import { startSchedules } from "@/lib/server/schedules";
import { ensureAuthSecret } from "@/lib/server/secret";

// One process, one port: Next.js pages and socket.io.
async function main() {
  const config = env();
  const dev = config.NODE_ENV === "development";
  const secret = ensureAuthSecret();
  // Parsed before anything starts: a malformed setting must stop the start-up, not trust the wrong peers.
  const proxyTrust = parseTrustedProxies(config.TRUSTED_PROXIES);
  process.env.NEXTAUTH_URL ??= `http://localhost:${config.PORT}`;

  const started = performance.now();
  const db = await prepareDatabase({ seedDemo: shouldSeedDemo() });
  console.log(
    `[medblend] database: ${db.backend}; migrations applied: ${db.applied.length ? db.applied.join(", ") : "none pending"}` +
      (db.seeded ? "; demo school seeded" : ""),
  );

  const app = next({ dev, hostname: "localhost", port: config.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  const httpServer = createServer((req, res) => {
    // Route handlers cannot see the socket: pass the client's address on (replacing anything a client sent). Behind
    // trusted proxies (TRUSTED_PROXIES) that is the right-most untrusted X-Forwarded-For entry, else the peer.
    req.headers[CLIENT_IP_HEADER] = resolveClientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], proxyTrust);
    void handle(req, res);
  });
  const sockets = await attachSocketServer(httpServer, { secret, redisUrl: config.REDIS_URL });
  setIo(sockets.io);
  // Instances sharing Redis share the live rate limits too; alone, each counts in its own memory.
  const liveRateLimiter = config.REDIS_URL ? await connectRedisLiveRateLimiter(config.REDIS_URL) : undefined;
  setLiveRateLimiter(liveRateLimiter);

  await new Promise<void>((resolve) => httpServer.listen(config.PORT, config.HOSTNAME, resolve));
  console.log(`[medblend] ready on http://localhost:${config.PORT} in ${Math.round(performance.now() - started)} ms` +
    (config.REDIS_URL ? " (socket.io via Redis)" : ""));
  if (isDemoMode()) {
    console.log(`[medblend] demo logins (password for all: ${DEMO_PASSWORD}):`);
    for (const login of DEMO_LOGINS) console.log(`  ${login.no.padEnd(12)} ${login.role.padEnd(10)} ${login.name}`);
  }

  const demoWechat = isDemoMode() ? await startDemoWechat(config.PORT) : null;
  if (demoWechat) console.log(`[medblend] WeChat simulator: ${demoWechat.url}/phone (simulated phones)`);
  // The WeChat outbox: sends what the lesson loop queued (lib/push).
  const pushes = startPushDispatcher();
  // Things that happen at a time: quiz time limits, peer-review phases, dashboard summaries.
  const schedules = startSchedules();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[medblend] ${signal}: shutting down`);
    await sockets.close();
    await liveRateLimiter?.close();
    await pushes.stop();
    await schedules.stop();
    await demoWechat?.close();
    await closeDb();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch(async (error) => {
  console.error("[medblend] failed to start:", error instanceof Error ? error.message : error);
  await closeDb().catch(() => undefined);
  process.exit(1);
});
