// Forms post lists as one JSON field and numbers as text; these turn them into what the domain schemas expect.
// A value that cannot be converted is passed on unchanged so that the schema reports it as a field error.

/** A JSON-encoded list field (hidden input written by a list editor). */
export function jsonListOf(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** An optional number input: blank becomes null, text becomes a number (NaN when not numeric). */
export function optionalNumberOf(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") return value;
  return value.trim() === "" ? null : Number(value);
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
