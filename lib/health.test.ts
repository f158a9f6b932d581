import { describe, expect, it } from "vitest";
import { checkHealth } from "./health";

describe("checkHealth", () => {
  it("reports ok with the database backend in use", async () => {
    const health = await checkHealth();
    expect(health).toMatchObject({ status: "ok", app: "ok", database: { status: "ok", backend: process.env.TEST_DB_BACKEND } });
    expect(health.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(new Date(health.time).toISOString()).toBe(health.time);
  });
});
