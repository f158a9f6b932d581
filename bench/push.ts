// Push outbox benchmark: `npm run bench:push [-- 2000] [--faults 0.1]`.
// In-memory PGlite, migrated; N students bound with consent; the local WeChat simulator with injected faults (45009
// quota answers, HTTP 503s and timeouts where the message went out but the answer never came, plus every token
// expiring half-way). One "topic opened" event is raised the way the lesson loop raises it, then the dispatcher runs
// until the outbox is drained. Checks that every student received the message exactly once (the simulator's count
// per openid), and prints the throughput and the time to drain.
import { performance } from "node:perf_hooks";
// Types only: the modules themselves load after the database is chosen (see main).
import type { Outcome, PushClient } from "@/lib/push/dispatch-pushes";

const argValue = (name: string) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const STUDENTS = Number(process.argv.slice(2).find((arg, i, args) => /^\d+$/.test(arg) && !args[i - 1]?.startsWith("--")) ?? 2000);
const FAULT_RATE = Number(argValue("--faults") ?? 0.1);
// The injected faults, in shares of FAULT_RATE.
const FAULTS = { quotaRate: 0.3 * FAULT_RATE, errorRate5xx: 0.4 * FAULT_RATE, timeoutRate: 0.3 * FAULT_RATE };
const DISPATCH = { batchSize: 100, concurrency: 16, leaseMs: 30_000 };
// Short waits so that the benchmark measures the machinery, not the production backoff (30 s, quota 5 min).
const BACKOFF = { baseMs: 100, maxMs: 2_000, maxAttempts: 10, quotaMs: 50 };
const CLIENT_TIMEOUT_MS = 300;
const DRAIN_TIMEOUT_MS = 300_000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const { closeDb, db, initDb } = await import("@/lib/db");
  const { migrate } = await import("@/lib/db/migrate");
  const { CONSENT_TEXT_VERSION } = await import("@/lib/binding/consent");
  const { raiseEvent } = await import("@/lib/events/raise-event");
  const { queuePushesForRaisedEvents } = await import("@/lib/push/queue-raised-events");
  const { startPushDispatcher } = await import("@/lib/push/push-dispatcher");
  const { createWechatClient } = await import("@/lib/wechat/client");
  const { wechatConfig } = await import("@/lib/wechat/config");
  const { startWechatSimulator } = await import("@/lib/wechat-sim");

  const { prisma } = initDb({ url: "memory://" });
  await migrate(prisma);

  // ── a course with N bound, consenting students ──────────────────────────────────────────────────────────────
  const setupStarted = performance.now();
  const dept = await db.department.create({ data: { code: "BENCH", name: "基准测试教研室" } });
  const teacher = await db.user.create({ data: { no: "bench-teacher", name: "基准教师", role: "TEACHER", departmentId: dept.id, passwordHash: "x" } });
  const course = await db.course.create({
    data: { code: "BENCH-101", title: "诊断学", term: "2026-2027-1", departmentId: dept.id, members: { create: { userId: teacher.id, role: "TEACHER" } } },
  });
  const lesson = await db.lesson.create({
    data: { courseId: course.id, position: 0, title: "心脏检查：心音与杂音", startsAt: new Date(), endsAt: new Date(Date.now() + 90 * 60_000) },
  });
  const students = await db.user.createManyAndReturn({
    data: Array.from({ length: STUDENTS }, (_, i) => ({ no: `2026${String(i).padStart(6, "0")}`, name: `学生${i}`, role: "STUDENT" as const, passwordHash: "x" })),
    select: { id: true },
  });
  const openidOf = (userId: string) => `o_${userId}`;
  await db.courseMember.createMany({ data: students.map((s) => ({ courseId: course.id, userId: s.id, role: "STUDENT" as const })) });
  await db.wechatBinding.createMany({ data: students.map((s) => ({ userId: s.id, openid: openidOf(s.id) })) });
  await db.wechatConsent.createMany({
    data: students.map((s) => ({ userId: s.id, openid: openidOf(s.id), textVersion: CONSENT_TEXT_VERSION, action: "GRANTED" as const })),
  });

  const sim = await startWechatSimulator({
    users: students.map((s, i) => ({ nickname: `学生${i}`, openid: openidOf(s.id) })),
    faults: FAULTS,
    templateFinishEvents: false,
  });
  const wechat = createWechatClient({ config: { ...wechatConfig(), apiBase: sim.url, timeoutMs: CLIENT_TIMEOUT_MS } });
  let accepted = 0;
  const client: PushClient = {
    async sendTemplateMessage(message) {
      const answer = await wechat.sendTemplateMessage(message);
      // Half-way, every access_token expires at once (42001 on the next sends).
      if (++accepted === Math.floor(STUDENTS / 2)) sim.setFaults({ ...FAULTS, expireTokens: true });
      return answer;
    },
  };
  console.log(
    `[bench:push] ${STUDENTS} bound students, in-memory PGlite, simulator on ${sim.url}; faults per template send: ` +
      `quota ${FAULTS.quotaRate.toFixed(3)}, 503 ${FAULTS.errorRate5xx.toFixed(3)}, timeout ${FAULTS.timeoutRate.toFixed(3)} ` +
      `(setup ${seconds(performance.now() - setupStarted)})`,
  );

  // ── one event → N outbox rows (the event commits with the change; the dispatcher expands it) ───────────────
  const enqueueStarted = performance.now();
  await db.$transaction((tx) =>
    raiseEvent(tx, { type: "live.topic_opened", courseId: course.id, lessonId: lesson.id, subjectId: "cm3benchtopic00000000000" }),
  );
  await queuePushesForRaisedEvents();
  const enqueueMs = performance.now() - enqueueStarted;
  const queued = await db.pushMessage.count();

  // ── dispatch until drained ──────────────────────────────────────────────────────────────────────────────────
  const outcomes: Partial<Record<Outcome, number>> = {};
  let lastSettled = Number.NaN;
  const started = performance.now();
  const dispatcher = startPushDispatcher({
    client,
    ...DISPATCH,
    intervalMs: 20,
    backoff: BACKOFF,
    onSettled(outcome) {
      lastSettled = performance.now();
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    },
  });
  let drainMs = Number.NaN;
  try {
    const deadline = performance.now() + DRAIN_TIMEOUT_MS;
    for (;;) {
      const open = await db.pushMessage.count({ where: { status: { in: ["QUEUED", "DEFERRED", "SENDING"] } } });
      if (!open) break;
      if (performance.now() > deadline) throw new Error(`not drained after ${seconds(DRAIN_TIMEOUT_MS)}: ${open} rows open`);
      // Seldom: on PGlite every query waits for the one connection, the dispatcher's included.
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    drainMs = lastSettled - started;
  } finally {
    await dispatcher.stop();
  }

  // ── exactly once ────────────────────────────────────────────────────────────────────────────────────────────
  const byStatus = await db.pushMessage.groupBy({ by: ["status"], _count: true });
  const received = new Map<string, number>();
  for (const message of sim.received) received.set(message.openid, (received.get(message.openid) ?? 0) + 1);
  const missing = students.filter((s) => !received.has(openidOf(s.id))).length;
  const twice = [...received.values()].filter((count) => count > 1).length;
  const sent = await db.pushMessage.count({ where: { status: "SENT" } });

  console.log(`[bench:push] enqueue: ${queued} rows in ${enqueueMs.toFixed(0)} ms (one transaction)`);
  console.log(
    `[bench:push] drained in ${seconds(drainMs)}: ${(STUDENTS / (drainMs / 1000)).toFixed(0)} msg/s; ` +
      `${sim.stats.templateSend} template/send calls, ${sim.stats.stableToken} token fetches (${sim.stats.forceRefresh} forced); ` +
      `settled rows: ${Object.entries(outcomes).map(([outcome, count]) => `${outcome} ${count}`).join(", ")}`,
  );
  console.log(`[bench:push] rows by status: ${byStatus.map((g) => `${g.status} ${g._count}`).join(", ")}`);
  console.log(`[bench:push] simulator: ${sim.received.length} messages for ${received.size} users; missing ${missing}, more than once ${twice}`);

  await sim.close();
  await closeDb();

  const ok = sent === STUDENTS && missing === 0 && twice === 0 && sim.received.length === STUDENTS;
  console.log(ok ? "[bench:push] OK: every eligible message delivered exactly once" : "[bench:push] FAILED: see the counts above");
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error("[bench:push] failed:", error);
  process.exit(1);
});
