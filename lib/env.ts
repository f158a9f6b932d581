import { z } from "zod";
import { isPostgresUrl } from "./db/adapter";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().positive().default(3000),
  HOSTNAME: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().optional(),
  REDIS_URL: z.string().optional(),
  /** Express "trust proxy" syntax, parsed by lib/auth/client-ip.ts. */
  TRUSTED_PROXIES: z.string().optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  DEMO_MODE: z.enum(["true", "false", "1", "0"]).optional(),
  SEED_DEMO: z.enum(["true", "false", "1", "0"]).optional(),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= EnvSchema.parse(process.env);
  return cached;
}

const truthy = (value: string | undefined) => value === "true" || value === "1";

/** Demo mode shows demo logins on the login page: on by default with the embedded database, off with PostgreSQL. */
export function isDemoMode(): boolean {
  const { DEMO_MODE, DATABASE_URL } = env();
  return DEMO_MODE === undefined ? !isPostgresUrl(DATABASE_URL) : truthy(DEMO_MODE);
}

/** Seed the demo school into an empty database at start-up: same default as demo mode. */
export function shouldSeedDemo(): boolean {
  const { SEED_DEMO } = env();
  return SEED_DEMO === undefined ? isDemoMode() : truthy(SEED_DEMO);
}
