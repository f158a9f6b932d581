// Live-lesson benchmark: `npm run bench:live [-- 500,2000] [--verbose]` (--verbose: timings of every topic).
// This process runs the server (HTTP + socket.io on loopback, in-memory PGlite); a child process plays the class: N
// students and the teacher's board as authenticated socket.io clients (websocket transport), so that the clients do
// not share a core with the server. Measured in the child, on one clock:
//   fan-out: the teacher's "open topic" sent → each student has the topic (5 topics, after one warm-up);
//   board:   every student sends an answer → the board has all N (for a discussion and for a poll).
import { type ChildProcess, fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";

const VERBOSE = process.argv.includes("--verbose");
const SIZES = (process.argv.slice(2).find((arg) => /^\d+(,\d+)*$/.test(arg)) ?? "500,2000").split(",").map(Number);
const FANOUT_ROUNDS = 5;
const TARGETS = { fanoutP95: (n: number) => (n <= 500 ? 50 : 100), boardMs: 2000 };
const CONNECT_CONCURRENCY = 50;

// ── messages between the two processes ─────────────────────────────────────────────────────────────────────────

interface RunMessage {
  type: "run";
  url: string;
  lessonId: string;
  teacherCookie: string;
  studentCookies: string[];
  verbose: boolean;
}

interface PhaseMark {
  type: "mark";
  phase: string;
  edge: "start" | "end";
}

interface ClassResult {
  type: "result";
  connectMs: number;
  fanout: number[];
  missedTopics: number;
  answers: { kind: string; boardMs: number | null; lastAckMs: number; onBoard: number; failures: Record<string, number> }[];
  clientCpu: Record<string, number>;
}

type ChildMessage = PhaseMark | ClassResult | { type: "error"; message: string };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (value: number) => `${value.toFixed(1)} ms`;

// ── the class (child process) ──────────────────────────────────────────────────────────────────────────────────

async function playClass(run: RunMessage): Promise<ClassResult> {
  const { io } = await import("socket.io-client");
  type Client = ReturnType<typeof io>;
  const send = (message: ChildMessage) => process.send!(message);
  const cpuPhases: Record<string, number> = {};
  async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
    send({ type: "mark", phase: name, edge: "start" });
    const cpu = process.cpuUsage();
    const started = performance.now();
    try {
      return await work();
    } finally {
      const used = process.cpuUsage(cpu);
      cpuPhases[name] = (used.user + used.system) / 1000 / (performance.now() - started);
      send({ type: "mark", phase: name, edge: "end" });
    }
  }

  const connect = (cookie: string) =>
    new Promise<Client>((resolve, reject) => {
      const socket = io(run.url, { path: "/socket.io", transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: { cookie } });
      socket.once("connect", () => resolve(socket));
      socket.once("connect_error", reject);
    });
  const call = async (socket: Client, event: string, payload: unknown) => {
    const result = await socket.timeout(30_000).emitWithAck(event, payload);
    if (!result.ok) throw new Error(`${event}: ${result.code}`);
    return result.data;
  };

  const n = run.studentCookies.length;
  const received = new Map<string, Float64Array>();
  const students: Client[] = new Array(n);
  const connectStarted = performance.now();
  await phase("connect", async () => {
    let next = 0;
    await Promise.all(
      Array.from({ length: CONNECT_CONCURRENCY }, async () => {
        while (next < n) {
          const index = next++;
          const socket = await connect(run.studentCookies[index]);
          socket.on("live:topic-opened", ({ topic }: { topic: { id: string } }) => {
            const at = performance.now();
            let times = received.get(topic.id);
            if (!times) received.set(topic.id, (times = new Float64Array(n).fill(Number.NaN)));
            times[index] = at;
          });
          await call(socket, "live:join", { lessonId: run.lessonId });
          students[index] = socket;
        }
      }),
    );
  });
  const board = await connect(run.teacherCookie);
  await call(board, "live:join", { lessonId: run.lessonId });
  const connectMs = performance.now() - connectStarted;

  const settle = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

  /** Opens a topic from the board and waits until every student has it; latencies from the teacher's send. */
  async function openAndMeasure(topic: Record<string, unknown>): Promise<{ id: string; latencies: number[] }> {
    const busy = performance.eventLoopUtilization();
    const sent = performance.now();
    const { id } = (await call(board, "live:topic-open", { lessonId: run.lessonId, ...topic })) as { id: string };
    const acked = performance.now() - sent;
    const deadline = performance.now() + 10_000;
    const arrived = () => received.get(id)?.every((t) => !Number.isNaN(t)) ?? false;
    while (!arrived() && performance.now() < deadline) await settle(5);
    const latencies = [...(received.get(id) ?? [])].filter((t) => !Number.isNaN(t)).map((t) => t - sent);
    if (run.verbose) {
      const sorted = [...latencies].sort((a, b) => a - b);
      console.log(
        `    topic ${String(topic.prompt)}: ack ${ms(acked)}; first ${ms(sorted[0])}, median ${ms(percentile(sorted, 50))}, last ${ms(sorted.at(-1)!)}; ` +
          `client event loop busy ${Math.round(performance.eventLoopUtilization(busy).utilization * 100)} %`,
      );
    }
    return { id, latencies };
  }

  const fanout: number[] = [];
  let missedTopics = 0;
  await phase("fan-out", async () => {
    for (let round = 0; round <= FANOUT_ROUNDS; round++) {
      const { id, latencies } = await openAndMeasure({ kind: "DISCUSSION", prompt: `讨论 ${round}` });
      if (latencies.length < n) missedTopics += n - latencies.length;
      if (round > 0) fanout.push(...latencies); // round 0 warms up the JIT and the caches
      await call(board, "live:topic-close", { topicId: id });
      await settle(200);
    }
  });

  async function answerAll(kind: "DISCUSSION" | "POLL_SINGLE") {
    const { id } = await openAndMeasure(
      kind === "DISCUSSION" ? { kind, prompt: "你的诊断是？" } : { kind, prompt: "最可能的诊断？", options: ["二尖瓣狭窄", "二尖瓣关闭不全", "主动脉瓣狭窄"] },
    );
    await settle(300);
    const onBoard = new Set<string>();
    const failures: Record<string, number> = {};
    let boardDone: number | null = null;
    let lastAck = 0;
    let acks = 0;
    const started = performance.now();
    const listener = ({ topicId, answers }: { topicId: string; answers: { id: string }[] }) => {
      if (topicId !== id) return;
      for (const answer of answers) onBoard.add(answer.id);
      if (onBoard.size >= n && boardDone === null) boardDone = performance.now() - started;
    };
    board.on("live:answers-added", listener);
    await phase(`answers (${kind === "DISCUSSION" ? "discussion" : "poll"})`, async () => {
      students.forEach((socket, i) => {
        const payload = kind === "DISCUSSION" ? { topicId: id, text: `学生 ${i} 的回答：考虑二尖瓣狭窄` } : { topicId: id, choices: [i % 3] };
        socket.timeout(30_000).emit("live:answer", payload, (error: Error | null, result?: { ok: boolean; code?: string }) => {
          acks++;
          lastAck = performance.now() - started;
          if (error || !result?.ok) failures[error ? "timeout" : result!.code!] = (failures[error ? "timeout" : result!.code!] ?? 0) + 1;
        });
      });
      const failed = () => Object.values(failures).reduce((a, b) => a + b, 0);
      const deadline = performance.now() + 30_000;
      while (performance.now() < deadline && !(acks >= n && onBoard.size + failed() >= n)) await settle(5);
    });
    board.off("live:answers-added", listener);
    await call(board, "live:topic-close", { topicId: id });
    await settle(300);
    return { kind, boardMs: boardDone, lastAckMs: lastAck, onBoard: onBoard.size, failures };
  }

  const answers = [await answerAll("DISCUSSION"), await answerAll("POLL_SINGLE")];
  for (const socket of [...students, board]) socket.close();
  return { type: "result", connectMs, fanout, missedTopics, answers, clientCpu: cpuPhases };
}

// ── the server (this process) ──────────────────────────────────────────────────────────────────────────────────

/** What held a phase back, from how busy each process was (as a share of one core) while it ran. */
function limitOf(server: number, clients: number): string {
  if (server >= 0.9) return "the server process was CPU-bound (one Node process: socket.io, the handlers and PGlite share its thread)";
  if (clients >= 0.9) return "the client process was CPU-bound (all simulated phones share one core), so arrivals queue on the measuring side";
  return `neither process was busy: time went to waiting, most likely for other processes on the machine (load average ${os.loadavg()[0].toFixed(1)})`;
}

function openFileLimit(): number {
  try {
    const line = fs.readFileSync("/proc/self/limits", "utf8").split("\n").find((l) => l.startsWith("Max open files"));
    const soft = line?.split(/\s{2,}/)[1];
    return soft && /^\d+$/.test(soft) ? Number(soft) : Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

async function main() {
  const { createServer } = await import("node:http");
  const { randomBytes } = await import("node:crypto");
  const { encode } = await import("next-auth/jwt");
  const { initDb, closeDb, db } = await import("@/lib/db");
  const { migrate } = await import("@/lib/db/migrate");
  const { attachSocketServer } = await import("@/lib/live/socket-server");
  const { setIo } = await import("@/lib/live/io");
  const { stopLivePublishing } = await import("@/lib/live/publish");

  const { prisma } = initDb({ url: "memory://" });
  await migrate(prisma);
  const secret = randomBytes(32).toString("hex");
  const httpServer = createServer();
  const sockets = await attachSocketServer(httpServer, { secret });
  setIo(sockets.io);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const address = httpServer.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const cookieOf = async (userId: string) => `next-auth.session-token=${await encode({ token: { sub: userId, sv: 0 }, secret })}`;

  const limit = openFileLimit();
  const department = await db.department.create({ data: { code: "BENCH", name: "基准测试教研室" } });
  const teacher = await db.user.create({ data: { no: "T-BENCH", name: "王老师", role: "TEACHER", passwordHash: "-", departmentId: department.id } });
  let missed = false;
  const load = os.loadavg()[0];
  console.log(`[bench:live] server on ${url}, in-memory PGlite, ${os.cpus().length} cores, open-file limit ${limit}, load average ${load.toFixed(1)}`);
  if (load > os.cpus().length) console.log("[bench:live] the machine is busy with other work: latencies will include waiting for it");

  for (const n of SIZES) {
    // Each student is one socket here and one in the client process, plus a margin for files, PGlite and IPC.
    if (n + 200 > limit) {
      console.log(`\nN = ${n}: skipped — needs an open-file limit of at least ${n + 200} (run \`ulimit -n ${n + 500}\` first)`);
      missed = true;
      continue;
    }
    const tag = `${n}-${randomBytes(3).toString("hex")}`;
    const students = Array.from({ length: n }, (_, i) => ({ id: `bench-${tag}-${i}`, no: `S${tag}-${i}`, name: `学生${i}`, role: "STUDENT" as const, passwordHash: "-" }));
    await db.user.createMany({ data: students });
    const course = await db.course.create({ data: { code: `BENCH-${tag}`, title: "诊断学", term: "2026-2027-1", departmentId: department.id } });
    await db.courseMember.createMany({
      data: [{ courseId: course.id, userId: teacher.id, role: "TEACHER" as const }, ...students.map((s) => ({ courseId: course.id, userId: s.id, role: "STUDENT" as const }))],
    });
    const lesson = await db.lesson.create({
      data: { courseId: course.id, position: 0, title: "心脏检查", startsAt: new Date(), endsAt: new Date(Date.now() + 3_600_000) },
    });
    const run: RunMessage = {
      type: "run",
      url,
      lessonId: lesson.id,
      teacherCookie: await cookieOf(teacher.id),
      studentCookies: await Promise.all(students.map((s) => cookieOf(s.id))),
      verbose: VERBOSE,
    };

    console.log(`\nN = ${n}: connecting ${n} students and the board…`);
    const serverCpu: Record<string, number> = {};
    const result = await new Promise<ClassResult>((resolve, reject) => {
      const child: ChildProcess = fork(fileURLToPath(import.meta.url), ["--class"], { stdio: "inherit" });
      const marks = new Map<string, { cpu: NodeJS.CpuUsage; at: number }>();
      child.on("message", (message: ChildMessage) => {
        if (message.type === "mark" && message.edge === "start") marks.set(message.phase, { cpu: process.cpuUsage(), at: performance.now() });
        if (message.type === "mark" && message.edge === "end") {
          const start = marks.get(message.phase)!;
          const used = process.cpuUsage(start.cpu);
          serverCpu[message.phase] = (used.user + used.system) / 1000 / (performance.now() - start.at);
        }
        if (message.type === "result") resolve(message);
        if (message.type === "error") reject(new Error(message.message));
      });
      child.on("exit", (code) => code && reject(new Error(`the client process exited with ${code}`)));
      child.send(run);
    });

    const sorted = [...result.fanout].sort((a, b) => a - b);
    const p95 = percentile(sorted, 95);
    const fanoutOk = p95 < TARGETS.fanoutP95(n) && result.missedTopics === 0;
    console.log(`  connect + join:  ${(result.connectMs / 1000).toFixed(1)} s`);
    console.log(
      `  fan-out (topic opened → received, ${FANOUT_ROUNDS} topics × ${n}): p50 ${ms(percentile(sorted, 50))}, p95 ${ms(p95)}, ` +
        `p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1)!)}  [target p95 < ${TARGETS.fanoutP95(n)} ms] ${fanoutOk ? "OK" : "MISSED"}`,
    );
    if (result.missedTopics) console.log(`    ${result.missedTopics} deliveries did not arrive within 10 s`);
    for (const answers of result.answers) {
      const ok = answers.boardMs !== null && answers.boardMs < TARGETS.boardMs;
      const label = answers.kind === "DISCUSSION" ? "discussion" : "poll";
      console.log(
        `  board has all ${n} ${label} answers after ${answers.boardMs === null ? `— (only ${answers.onBoard})` : ms(answers.boardMs)}; ` +
          `last ack ${ms(answers.lastAckMs)}  [target < ${TARGETS.boardMs} ms] ${ok ? "OK" : "MISSED"}`,
      );
      if (Object.keys(answers.failures).length) console.log(`    refused: ${JSON.stringify(answers.failures)}`);
      if (!ok) missed = true;
    }
    if (!fanoutOk) missed = true;
    const cpu = (phase: string) => `server ${Math.round((serverCpu[phase] ?? 0) * 100)} %, clients ${Math.round((result.clientCpu[phase] ?? 0) * 100)} %`;
    console.log(`  CPU (share of one core): ${Object.keys(result.clientCpu).map((phase) => `${phase}: ${cpu(phase)}`).join("; ")}`);
    const missedPhases = [
      ...(fanoutOk ? [] : ["fan-out"]),
      ...result.answers.filter((a) => a.boardMs === null || a.boardMs >= TARGETS.boardMs).map((a) => `answers (${a.kind === "DISCUSSION" ? "discussion" : "poll"})`),
    ];
    for (const phase of missedPhases) console.log(`  limit (${phase}): ${limitOf(serverCpu[phase] ?? 0, result.clientCpu[phase] ?? 0)}`);
  }

  stopLivePublishing();
  setIo(undefined);
  await sockets.close();
  await closeDb();
  process.exitCode = missed ? 1 : 0;
}

if (process.argv.includes("--class")) {
  process.once("message", (message: RunMessage) => {
    playClass(message)
      .then((result) => process.send!(result, () => process.exit(0)))
      .catch((error: unknown) => process.send!({ type: "error", message: String(error) }, () => process.exit(1)));
  });
} else {
  main().catch((error) => {
    console.error("[bench:live] failed:", error);
    process.exit(1);
  });
}
