// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the existing migrations to
// prisma/schema.prisma. `prisma migrate dev` cannot do this twice on PGlite (no shadow database factory).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration <snake_case_name>");
  process.exit(1);
}
const dir = "prisma/migrations";
const hasMigrations = fs.existsSync(dir) && fs.readdirSync(dir).some((d) => fs.existsSync(path.join(dir, d, "migration.sql")));
const out = path.join(os.tmpdir(), `medblend-migration-${process.pid}.sql`);
execFileSync(
  "node_modules/.bin/prisma",
  [
    "migrate", "diff",
    ...(hasMigrations ? ["--from-migrations", dir] : ["--from-empty"]),
    "--to-schema-datamodel", "prisma/schema.prisma",
    "--script", "-o", out,
  ],
  { stdio: "inherit", env: { ...process.env, DATABASE_URL: "memory://" } },
);
const sql = fs.readFileSync(out, "utf8");
fs.rmSync(out);
if (!sql.replace(/--.*$/gm, "").trim()) {
  console.log("The schema matches the migrations; nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const target = path.join(dir, `${stamp}_${name}`);
fs.mkdirSync(target, { recursive: true });
fs.writeFileSync(path.join(target, "migration.sql"), sql);
if (!fs.existsSync(path.join(dir, "migration_lock.toml"))) {
  fs.writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
}
console.log(`Wrote ${target}/migration.sql`);
