import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { closeDb, initDb } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteSnapshot: string;
  }
}

// Creating and migrating a PGlite database costs seconds; do it once and let every test file load the snapshot.
export default async function setup(project: TestProject) {
  const snapshot = path.join(os.tmpdir(), `medblend-pglite-${process.pid}.tar.gz`);
  const pglite = new PGlite();
  const { prisma } = initDb({ pglite });
  await migrate(prisma);
  const dump = await pglite.dumpDataDir("gzip");
  fs.writeFileSync(snapshot, Buffer.from(await dump.arrayBuffer()));
  await closeDb();
  project.provide("pgliteSnapshot", snapshot);
  return () => fs.rmSync(snapshot, { force: true });
}
