import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { closeDb, initDb } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";

// Each test file gets its own database: a PGlite loaded from the migrated snapshot, or a fresh PostgreSQL schema.
if (process.env.TEST_DB_BACKEND === "postgres") {
  const base = process.env.TEST_DATABASE_URL!;
  const schema = `test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  const url = new URL(base);
  url.searchParams.set("schema", schema);
  const { prisma } = initDb({ url: url.toString() });
  await migrate(prisma);
  afterAll(async () => {
    await closeDb();
    await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
    await admin.end();
  });
} else {
  const snapshot = fs.readFileSync(inject("pgliteSnapshot"));
  const pglite = new PGlite({ loadDataDir: new Blob([snapshot]) });
  initDb({ pglite });
  afterAll(() => closeDb());
}
