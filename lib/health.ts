import { db, dbBackend } from "@/lib/db";

export interface Health {
  status: "ok" | "degraded";
  app: "ok";
  database: { status: "ok" | "error"; backend: string; latencyMs?: number };
  time: string;
}

export async function checkHealth(): Promise<Health> {
  const started = performance.now();
  const backend = dbBackend();
  try {
    await db.$queryRawUnsafe("SELECT 1");
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    return { status: "ok", app: "ok", database: { status: "ok", backend, latencyMs }, time: new Date().toISOString() };
  } catch (error) {
    console.error("[health] database check failed", error);
    return { status: "degraded", app: "ok", database: { status: "error", backend }, time: new Date().toISOString() };
  }
}
