import type { z } from "zod";
import { type ActionResult, toErrorResult } from "./errors";

/**
 * The one way server actions and route handlers run domain code: parse the input with its schema, run, and turn
 * every failure into an ActionResult. Expected errors reach the user as codes; anything else is logged.
 */
export async function runAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  run: (data: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    // PostgreSQL rejects NUL in text; refuse it here as bad input rather than fail in the database.
    if (containsNul(input)) return { ok: false, code: "validation" };
    const data = schema.parse(input);
    return { ok: true, data: await run(data) };
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    return toErrorResult(error);
  }
}

function containsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === "object" && !(value instanceof Blob)) return Object.values(value).some(containsNul);
  return false;
}

/** redirect(), notFound() and forbidden() work by throwing; those must pass through. */
export function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}

/** Form fields as a plain object; repeated names become arrays. */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key);
    out[key] = values.length > 1 || key.endsWith("[]") ? values : values[0];
  }
  return out;
}
