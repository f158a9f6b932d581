import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/generated/prisma/client";

// Applies prisma/migrations/*/migration.sql in order, one transaction per file, under an advisory lock, recorded in
// _prisma_migrations the way `prisma migrate deploy` records them. (The CLI's deploy hangs on PGlite and cannot read
// PostgreSQL's catalog through adapter-pg 6.19; see ../shared/STACK-NOTES.md.) Kept out of modules pages import.

const LOCK_KEY = 72_616_001;

export interface MigrationResult {
  applied: string[];
}

export function migrationsDir(): string {
  return path.join(process.cwd(), "prisma", "migrations");
}

export function listMigrations(dir = migrationsDir()): { name: string; sql: string; checksum: string }[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export async function migrate(prisma: PrismaClient, dir = migrationsDir()): Promise<MigrationResult> {
  const migrations = listMigrations(dir);
  const applied: string[] = [];
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
      await createTargetSchema(tx);
      await tx.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        "id" VARCHAR(36) PRIMARY KEY NOT NULL,
        "checksum" VARCHAR(64) NOT NULL,
        "finished_at" TIMESTAMPTZ,
        "migration_name" VARCHAR(255) NOT NULL,
        "logs" TEXT,
        "rolled_back_at" TIMESTAMPTZ,
        "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        "applied_steps_count" INTEGER NOT NULL DEFAULT 0
      )`);
      const done = await tx.$queryRawUnsafe<{ migration_name: string; checksum: string }[]>(
        `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      );
      const doneByName = new Map(done.map((row) => [row.migration_name, row.checksum]));
      for (const migration of migrations) {
        const previous = doneByName.get(migration.name);
        if (previous) {
          if (previous !== migration.checksum) {
            console.warn(`[migrate] ${migration.name} was changed after it was applied (checksum differs)`);
          }
          continue;
        }
        for (const statement of splitStatements(migration.sql)) await tx.$executeRawUnsafe(statement);
        await tx.$executeRawUnsafe(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          randomUUID(),
          migration.checksum,
          migration.name,
        );
        applied.push(migration.name);
      }
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
  return { applied };
}

/** A `?schema=name` database URL sets search_path to a schema that may not exist yet: create it first. */
async function createTargetSchema(tx: Pick<PrismaClient, "$queryRawUnsafe" | "$executeRawUnsafe">): Promise<void> {
  const [{ search_path: searchPath }] = await tx.$queryRawUnsafe<{ search_path: string }[]>("SHOW search_path");
  const first = searchPath.split(",")[0].trim().replace(/^"(.*)"$/, "$1").replace(/""/g, '"');
  if (!first || first.startsWith("$")) return;
  await tx.$executeRawUnsafe(`CREATE SCHEMA IF NOT EXISTS "${first.replace(/"/g, '""')}"`);
}

/**
 * Splits a migration script into statements: the PGlite adapter runs each call through the extended protocol,
 * which takes one statement at a time. Handles quotes, comments and dollar-quoted bodies.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = "";
  let i = 0;
  while (i < sql.length) {
    const rest = sql.slice(i);
    const ch = sql[i];
    if (rest.startsWith("--")) {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? sql.length : end + 1;
      continue;
    }
    if (rest.startsWith("/*")) {
      const end = sql.indexOf("*/", i + 2);
      i = end === -1 ? sql.length : end + 2;
      continue;
    }
    const dollar = rest.match(/^\$[A-Za-z_]*\$/);
    if (dollar) {
      const end = sql.indexOf(dollar[0], i + dollar[0].length);
      const stop = end === -1 ? sql.length : end + dollar[0].length;
      current += sql.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === ch && sql[j + 1] === ch) j += 2;
        else if (sql[j] === ch) break;
        else j++;
      }
      current += sql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === ";") {
      if (current.trim()) statements.push(current.trim());
      current = "";
      i++;
      continue;
    }
    current += ch;
    i++;
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
