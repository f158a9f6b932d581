// Dashboard benchmark: `npm run bench:dashboards [-- --pg] [-- --db .data/pglite-large] [--runs 10]`.
// Seeds the large school (scripts/seed-large.ts) into a fresh database — in-memory PGlite by default; with --pg a
// fresh schema in TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), dropped afterwards; with
// --db an already seeded PGlite directory is used as it is — then times every analytics function in this process
// (the server time of a page or export, without rendering): warm-up runs, then --runs timed runs each, and prints
// p50 / p95. Fails when a p95 reaches the 500 ms budget.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { Actor } from "@/lib/auth/authz";

const argValue = (name: string) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const USE_PG = process.argv.includes("--pg");
const DB_DIR = argValue("--db");
const RUNS = Number(argValue("--runs") ?? 10);
const WARMUP = 2;
const BUDGET_MS = 500;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  const { closeDb, db, initDb } = await import("@/lib/db");
  const { migrate } = await import("@/lib/db/migrate");
  const { hashPassword } = await import("@/lib/auth/password");
  const { LARGE_PASSWORD, LARGE_TERM, seedLargeSchool } = await import("../scripts/seed-large");

  let dropSchema: (() => Promise<void>) | undefined;
  let label: string;
  if (USE_PG) {
    const base = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
    const schema = `bench_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    dropSchema = async () => {
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
      await admin.end();
    };
    const url = new URL(base);
    url.searchParams.set("schema", schema);
    initDb({ url: url.toString() });
    label = `PostgreSQL (${url.host}, schema ${schema})`;
  } else {
    initDb({ url: DB_DIR ?? "memory://" });
    label = DB_DIR ? `PGlite at ${DB_DIR}` : "in-memory PGlite";
  }

  try {
    const prisma = initDb().prisma;
    await migrate(prisma);
    const seeded = await db.course.count({ where: { id: { startsWith: "lgc" } } });
    if (!seeded) {
      console.log(`[bench:dashboards] ${label}: seeding the large school …`);
      const report = await seedLargeSchool(prisma, { passwordHash: await hashPassword(LARGE_PASSWORD) });
      const total = Object.values(report.rows).reduce((sum, n) => sum + n, 0);
      console.log(`[bench:dashboards] seeded ${total.toLocaleString("en")} rows in ${(report.ms / 1000).toFixed(1)} s`);
    } else {
      console.log(`[bench:dashboards] ${label}: large school already seeded`);
    }

    const { getDepartmentDashboard, getClassDashboard } = await import("@/lib/analytics/department-dashboard");
    const { getCourseDashboard } = await import("@/lib/analytics/course-dashboard");
    const { getStudentAnalytics } = await import("@/lib/analytics/student-analytics");
    const { getAtRiskStudents } = await import("@/lib/analytics/at-risk");
    const { getItemAnalysis } = await import("@/lib/analytics/get-item-analysis");
    const { getCompetencyView } = await import("@/lib/analytics/competencies");
    const { exportAnalyticsTable } = await import("@/lib/analytics/export-tables");

    const actor = async (id: string): Promise<Actor> => {
      const user = await db.user.findUniqueOrThrow({ where: { id } });
      return { id: user.id, no: user.no, name: user.name, role: user.role, departmentId: user.departmentId, mustChangePassword: false };
    };
    const admin = await actor("lgadmin");
    const deptAdmin = await actor("lgda01");
    const teacher = await actor("lgt001");
    const student = await actor("lgs0001");
    const courseId = "lgc01";
    const quizId = "lgz018";
    const classId = "lgk01";
    const term = LARGE_TERM;

    const cases: { name: string; run: () => Promise<unknown> }[] = [
      { name: "department · admin, whole school", run: () => getDepartmentDashboard(admin, { term }) },
      { name: "department · dept admin, own dept", run: () => getDepartmentDashboard(deptAdmin, { term }) },
      { name: "department · admin, one class", run: () => getDepartmentDashboard(admin, { term, classId }) },
      { name: "class (cohort) · admin", run: () => getClassDashboard(admin, classId, { term }) },
      { name: "course · teacher", run: () => getCourseDashboard(teacher, courseId) },
      { name: "student drill-down · dept admin", run: () => getStudentAnalytics(deptAdmin, "lgs0001", { term }) },
      { name: "student drill-down · own", run: () => getStudentAnalytics(student, "lgs0001", {}) },
      { name: "at-risk · course teacher", run: () => getAtRiskStudents(teacher, { courseId }) },
      { name: "at-risk · dept admin, own dept", run: () => getAtRiskStudents(deptAdmin, { term }) },
      { name: "at-risk · admin, whole school", run: () => getAtRiskStudents(admin, { term }) },
      { name: "item analysis · teacher", run: () => getItemAnalysis(teacher, quizId) },
      { name: "competencies · dept admin", run: () => getCompetencyView(deptAdmin, { term }) },
      { name: "competencies · teacher, course", run: () => getCompetencyView(teacher, { courseId }) },
      { name: "export xlsx · department courses", run: () => exportAnalyticsTable(admin, "department-courses", { term }, "xlsx") },
      { name: "export csv · at-risk, dept", run: () => exportAnalyticsTable(deptAdmin, "at-risk", { term }, "csv") },
    ];

    // Not part of any page's time: the summaries are rebuilt in the background (lib/analytics/summaries.ts).
    const { refreshSummaries } = await import("@/lib/analytics/summaries");
    const allCourses = (await db.course.findMany({ select: { id: true } })).map((course) => course.id);
    const rebuildStarted = performance.now();
    await refreshSummaries(allCourses);
    console.log(
      `[bench:dashboards] rebuilding the summaries of all ${allCourses.length} courses: ${((performance.now() - rebuildStarted) / 1000).toFixed(1)} s ` +
        `(background work, ${((performance.now() - rebuildStarted) / allCourses.length).toFixed(0)} ms per course)`,
    );
    console.log(`[bench:dashboards] ${label}: ${WARMUP} warm-up + ${RUNS} timed runs each, budget ${BUDGET_MS} ms (p95)`);
    console.log(`${"dashboard".padEnd(38)} ${"p50".padStart(9)} ${"p95".padStart(9)} ${"max".padStart(9)}`);
    const failures: string[] = [];
    for (const c of cases) {
      for (let i = 0; i < WARMUP; i++) await c.run();
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        await c.run();
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const p95 = percentile(times, 95);
      if (p95 >= BUDGET_MS) failures.push(c.name);
      console.log(
        `${c.name.padEnd(38)} ${`${percentile(times, 50).toFixed(1)} ms`.padStart(9)} ${`${p95.toFixed(1)} ms`.padStart(9)} ${`${times[times.length - 1].toFixed(1)} ms`.padStart(9)}${p95 >= BUDGET_MS ? "  OVER BUDGET" : ""}`,
      );
    }
    console.log(failures.length ? `[bench:dashboards] FAILED: over ${BUDGET_MS} ms: ${failures.join(", ")}` : `[bench:dashboards] OK: every p95 under ${BUDGET_MS} ms`);
    process.exitCode = failures.length ? 1 : 0;
  } finally {
    await closeDb();
    await dropSchema?.();
  }
}

main().catch((error) => {
  console.error("[bench:dashboards] failed:", error);
  process.exit(1);
});
