import path from "node:path";
import { defineConfig } from "vitest/config";

// Every integration test runs against a real database: in-memory PGlite always, and PostgreSQL too when
// TEST_DATABASE_URL is set (a fresh schema per test file, dropped afterwards).
const backends = ["pglite", ...(process.env.TEST_DATABASE_URL ? ["postgres"] : [])];

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    projects: backends.map((backend) => ({
      extends: true,
      test: {
        name: backend,
        include: ["lib/**/*.test.ts", "tests/**/*.test.ts"],
        environment: "node",
        env: { TEST_DB_BACKEND: backend, TZ: "UTC" },
        globalSetup: ["tests/global-setup.ts"],
        setupFiles: ["tests/setup-db.ts"],
        testTimeout: 30_000,
        hookTimeout: 60_000,
      },
    })),
  },
});
