// Callback benchmark: `tsx bench/callback.ts [-- 200] [--rounds 3]`. In-process, in-memory PGlite: N bound students
// of one course, a discussion open; N text replies are delivered to the callback's route handler at once, as WeChat
// would (signed, plaintext, then safe mode). Prints ack latency p50/p95/p99/max per round (handler called → response
// ready), the time until every answer is stored, and checks that every reply became exactly one WECHAT answer.
// Target: ack p99 < 100 ms at N = 200. BENCH_DATABASE_URL=postgres://… runs it against PostgreSQL instead.
import { performance } from "node:perf_hooks";

const N = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 200);
const ROUNDS = Number(process.argv[process.argv.indexOf("--rounds") + 1]) || 3;
const TARGET_P99_MS = 100;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main() {
  const { initDb, closeDb, db } = await import("@/lib/db");
  const { migrate } = await import("@/lib/db/migrate");
  const { openTopic } = await import("@/lib/live/open-topic");
  const { POST } = await import("@/app/api/wechat/callback/route");
  const { inboundWorkSettled } = await import("@/lib/wechat/inbound-work");
  const { deliveryRequest, textMessage } = await import("@/lib/wechat/inbound-test-fixtures");
  const { buildXml } = await import("@/lib/wechat/xml");

  const { prisma } = initDb({ url: process.env.BENCH_DATABASE_URL ?? "memory://" });
  await migrate(prisma);

  const run = Date.now().toString(36);
  const dept = await db.department.create({ data: { code: `B${run}`, name: "内科学教研室" } });
  const teacher = await db.user.create({ data: { no: `t${run}`, name: "王老师", role: "TEACHER", departmentId: dept.id, passwordHash: "x" } });
  const students = Array.from({ length: N }, (_, i) => ({ id: `cbench${run}${String(i).padStart(5, "0")}`, no: `s${run}${i}`, name: `学生${i}`, openid: `oBench${run}${i}` }));
  await db.user.createMany({ data: students.map(({ id, no, name }) => ({ id, no, name, role: "STUDENT" as const, passwordHash: "x" })) });
  const course = await db.course.create({
    data: {
      code: `C${run}`,
      title: "诊断学",
      term: "2026-2027-1",
      departmentId: dept.id,
      members: { create: [{ userId: teacher.id, role: "TEACHER" }, ...students.map(({ id }) => ({ userId: id, role: "STUDENT" as const }))] },
    },
  });
  await db.wechatBinding.createMany({ data: students.map(({ id, openid }) => ({ userId: id, openid })) });
  await db.wechatConsent.createMany({ data: students.map(({ id, openid }) => ({ userId: id, openid, textVersion: "bench", action: "GRANTED" as const })) });
  const lesson = await db.lesson.create({ data: { courseId: course.id, position: 0, title: "心脏检查", startsAt: new Date(), endsAt: new Date(Date.now() + 90 * 60_000) } });
  const actor = { id: teacher.id, no: teacher.no, name: teacher.name, role: teacher.role, departmentId: dept.id, mustChangePassword: false };
  const topic = await openTopic(actor, { lessonId: lesson.id, kind: "DISCUSSION", prompt: "这位患者的心尖区杂音提示什么？" });
  console.log(`[bench:callback] ${N} bound students, one open discussion, ${process.env.BENCH_DATABASE_URL ? "PostgreSQL" : "in-memory PGlite"}; ${ROUNDS} rounds of ${N} concurrent deliveries`);

  // Warm-up: JIT, the topic's cached fields, Prisma's first queries.
  for (const s of students.slice(0, 4)) await POST(deliveryRequest(buildXml(textMessage(s.openid, "热身")))).then((r) => r.text());
  await inboundWorkSettled();

  let failures = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const mode = round % 2 === 0 ? "raw" : "aes";
    const requests = students.map((s) => deliveryRequest(buildXml(textMessage(s.openid, `回答 ${round}：二尖瓣狭窄`)), { mode }));
    const started = performance.now();
    const acks = await Promise.all(
      requests.map(async (request) => {
        const t0 = performance.now();
        const response = await POST(request);
        const body = await response.text();
        return { ms: performance.now() - t0, status: response.status, replied: body !== "success" };
      }),
    );
    const wall = performance.now() - started;
    await inboundWorkSettled();
    const drained = performance.now() - started;
    const sorted = acks.map((a) => a.ms).sort((a, b) => a - b);
    const bad = acks.filter((a) => a.status !== 200).length;
    const passive = acks.filter((a) => a.replied).length;
    const stored = await db.topicAnswer.count({ where: { topicId: topic.id, source: "WECHAT", text: `回答 ${round}：二尖瓣狭窄` } });
    if (bad || stored !== N) failures++;
    console.log(
      `round ${round + 1} (${mode}): ack p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1)!)}; ` +
        `all ${N} acked in ${ms(wall)}, all stored after ${ms(drained)}; passive replies ${passive}/${N}, non-200 ${bad}, answers stored ${stored}/${N}`,
    );
    if (round === ROUNDS - 1) {
      const p99 = percentile(sorted, 99);
      console.log(`[bench:callback] last round ack p99 ${ms(p99)}: target p99 < ${TARGET_P99_MS} ms ${p99 < TARGET_P99_MS ? "met" : "MISSED"}`);
    }
    // Each student may send 5 answers per 10 s (lib/live/limits.ts); rounds stay inside that.
  }
  await closeDb();
  if (failures) {
    console.error(`[bench:callback] ${failures} round(s) lost or refused deliveries`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
