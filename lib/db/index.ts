import { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "@/generated/prisma/client";
import {
  createPgliteFactory,
  createPostgresFactory,
  isPostgresUrl,
  lockPgliteDir,
  pgliteDirFor,
  type DbBackend,
} from "./adapter";

export type Db = PrismaClient;
/** The client handed to `db.$transaction(async (tx) => …)`; always use `tx` inside, never `db` (PGlite deadlocks). */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

interface DbHandle {
  prisma: PrismaClient;
  backend: DbBackend;
  pglite?: PGlite;
  close(): Promise<void>;
}

// One handle per process: Next's server bundle and server.ts load this module separately and must share it.
const holder = globalThis as typeof globalThis & { __medblendDb?: DbHandle };

export interface InitDbOptions {
  /** A postgres URL, `memory://`, or a PGlite directory. Defaults to DATABASE_URL, then `.data/pglite`. */
  url?: string;
  /** An already opened PGlite (tests start each file from a migrated snapshot). */
  pglite?: PGlite;
}

export function initDb(options: InitDbOptions = {}): DbHandle {
  if (holder.__medblendDb) return holder.__medblendDb;
  const url = options.url ?? process.env.DATABASE_URL;
  let handle: DbHandle;
  if (!options.pglite && isPostgresUrl(url)) {
    const prisma = new PrismaClient({ adapter: createPostgresFactory(url) });
    handle = { prisma, backend: "postgres", close: () => prisma.$disconnect() };
  } else {
    const dir = options.pglite ? undefined : pgliteDirFor(url);
    const release = dir ? lockPgliteDir(dir) : undefined;
    const pglite = options.pglite ?? new PGlite(dir);
    const prisma = new PrismaClient({ adapter: createPgliteFactory(pglite) });
    handle = {
      prisma,
      backend: "pglite",
      pglite,
      async close() {
        await prisma.$disconnect();
        // $disconnect leaves PGlite open (the adapter's dispose is a no-op) and the process would never exit.
        await pglite.close();
        release?.();
      },
    };
  }
  holder.__medblendDb = handle;
  return handle;
}

export async function closeDb(): Promise<void> {
  const handle = holder.__medblendDb;
  holder.__medblendDb = undefined;
  await handle?.close();
}

export function dbBackend(): DbBackend {
  return initDb().backend;
}

/** The one database client. Opened on first use so that tests and scripts can choose the backend first. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const prisma = initDb().prisma;
    const value = Reflect.get(prisma, prop, prisma);
    return typeof value === "function" ? value.bind(prisma) : value;
  },
});
