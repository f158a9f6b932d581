import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  DriverAdapterError,
  isDriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";

export type DbBackend = "postgres" | "pglite";

export const DEFAULT_PGLITE_DIR = ".data/pglite";

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

/** Where PGlite keeps its data for a DATABASE_URL that is not a postgres URL: a directory, or undefined for memory. */
export function pgliteDirFor(url: string | undefined): string | undefined {
  if (!url) return DEFAULT_PGLITE_DIR;
  if (url === "memory://" || url === "memory") return undefined;
  if (url.startsWith("file:")) return url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
  return url;
}

/** Splits `?schema=` off a postgres URL: adapter-pg ignores it there and wants it as an option. */
export function parsePostgresUrl(url: string): { connectionString: string; schema: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? "public";
  parsed.searchParams.delete("schema");
  return { connectionString: parsed.toString(), schema };
}

export function createPostgresFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const { connectionString, schema } = parsePostgresUrl(url);
  const quoted = `"${schema.replace(/"/g, '""')}"`;
  return new PrismaPg(
    { connectionString, options: `-c search_path=${quoted}`, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) },
    { schema },
  );
}

// SQLSTATE → the error kinds @prisma/adapter-pg reports, so that PGlite raises the same P-codes (P2002, P2003…).
function mapPostgresError(cause: Record<string, unknown>): ConstructorParameters<typeof DriverAdapterError>[0] | null {
  const detail = typeof cause.detail === "string" ? cause.detail : undefined;
  const message = typeof cause.message === "string" ? cause.message : "";
  const keyFields = () => {
    const fields = detail?.match(/Key \(([^)]+)\)/)?.at(1)?.split(", ");
    return fields ? { fields } : undefined;
  };
  switch (cause.code) {
    case "23505":
      return { kind: "UniqueConstraintViolation", constraint: keyFields() };
    case "23502":
      return { kind: "NullConstraintViolation", constraint: keyFields() };
    case "23503":
      return {
        kind: "ForeignKeyConstraintViolation",
        constraint: typeof cause.column === "string" ? { fields: [cause.column] } : undefined,
      };
    case "22001":
      return { kind: "LengthMismatch", column: typeof cause.column === "string" ? cause.column : undefined };
    case "22003":
      return { kind: "ValueOutOfRange", cause: message };
    case "40001":
      return { kind: "TransactionWriteConflict" };
    case "42P01":
      return { kind: "TableDoesNotExist", table: message.split(" ").at(1)?.split('"').at(1) };
    case "42703":
      return { kind: "ColumnNotFound", column: message.split(" ").at(1)?.split('"').at(1) };
    default:
      return null;
  }
}

function remapError(error: unknown): never {
  // Duck-typed: the PGlite adapter throws its own copy of DriverAdapterError (an older driver-adapter-utils).
  if (isDriverAdapterError(error) && error.cause.kind === "postgres") {
    const mapped = mapPostgresError(error.cause as unknown as Record<string, unknown>);
    if (mapped) throw new DriverAdapterError(mapped);
  }
  throw error;
}

interface PgliteExec {
  client?: { exec(sql: string): Promise<{ affectedRows?: number }[]> };
}

// pglite-prisma-adapter 0.6.1 sends argument-less SQL through the extended protocol (one statement only) and does
// not await executeScript; the Prisma CLI's shadow database needs both to run whole migration files.
async function execScript(obj: PgliteExec, sql: string): Promise<number> {
  const results = await obj.client!.exec(sql).catch((error) => remapError(toDriverError(error)));
  return results.reduce((sum, result) => sum + (result.affectedRows ?? 0), 0);
}

function toDriverError(error: unknown): unknown {
  const e = error as Record<string, unknown>;
  if (typeof e?.code !== "string") return error;
  return new DriverAdapterError({
    kind: "postgres",
    code: e.code,
    severity: String(e.severity ?? "ERROR"),
    message: String(e.message ?? ""),
    detail: e.detail as string | undefined,
    column: e.column as string | undefined,
    hint: e.hint as string | undefined,
  });
}

function wrapQueryable<T extends object>(target: T): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (prop === "executeScript") {
        return async (script: string) => void (await execScript(obj as PgliteExec, script));
      }
      if (prop === "executeRaw") {
        return (query: { sql: string; args: unknown[] }) =>
          query.args.length === 0 && query.sql.includes(";")
            ? execScript(obj as PgliteExec, query.sql)
            : (value as (q: unknown) => Promise<number>).call(obj, query).catch(remapError);
      }
      if (prop === "queryRaw") {
        return (...args: unknown[]) => (value as (...a: unknown[]) => Promise<unknown>).apply(obj, args).catch(remapError);
      }
      if (prop === "startTransaction") {
        return async (...args: unknown[]) =>
          wrapQueryable(await (value as (...a: unknown[]) => Promise<object>).apply(obj, args).catch(remapError));
      }
      return typeof value === "function" ? value.bind(obj) : value;
    },
  });
}

/** PGlite through pglite-prisma-adapter, with its raw SQLSTATE errors mapped to Prisma's kinds. */
export function createPgliteFactory(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPGlite(pglite);
  // Its types come from an older driver-adapter-utils; the runtime contract is the same.
  const asCurrent = (adapter: object) => wrapQueryable(adapter) as unknown as SqlDriverAdapter;
  return {
    provider: "postgres",
    adapterName: inner.adapterName,
    connect: async () => asCurrent(await inner.connect()),
    connectToShadowDb: async () => asCurrent(await inner.connectToShadowDb()),
  };
}

/**
 * Two processes on one PGlite directory silently lose data, so the directory is held by one process for its life.
 * A lock left by a dead process is taken over.
 */
export function lockPgliteDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(path.dirname(path.resolve(dir)), `${path.basename(dir)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      const release = () => fs.rmSync(lockFile, { force: true });
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(fs.readFileSync(lockFile, "utf8"));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `The embedded database in ${dir} is in use by process ${owner}. Stop that process first: ` +
            "two processes on one PGlite directory lose data. (Use PostgreSQL via DATABASE_URL for several instances.)",
        );
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Used by prisma.config.ts for the CLI: a PGlite directory, memory, or PostgreSQL. */
export function createAdapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  if (isPostgresUrl(url)) return createPostgresFactory(url);
  const dir = pgliteDirFor(url);
  return createPgliteFactory(new PGlite(dir));
}
