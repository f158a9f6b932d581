import { z } from "zod";

// Field schemas shared by the note and thread forms.

/**
 * Row ids are cuids. Anything else (a NUL byte, say) is refused here, before it can reach the database, whose
 * driver would fail on it instead of finding nothing.
 */
export const IdField = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/** Browsers submit textarea line breaks as CRLF; count and store them as LF. */
const normalizeNewlines = (value: unknown) => (typeof value === "string" ? value.replace(/\r\n?/g, "\n") : value);

/** A one-line title: runs of whitespace (line breaks included) become one space. */
export const titleField = (max: number) =>
  z.preprocess(
    (value) => (typeof value === "string" ? value.replace(/\s+/g, " ").trim() : value),
    z.string().min(1).max(max),
  );

/** Markdown, kept as written (leading indentation matters); `required` refuses a blank body. */
export const markdownField = (max: number, { required }: { required: boolean }) =>
  z.preprocess(
    normalizeNewlines,
    required
      ? z.string().max(max).refine((text) => text.trim().length > 0, { message: "validation.required" })
      : z.string().max(max),
  );

/** An optional id from a form: a blank field means "none". */
export const optionalIdField = z.preprocess((value) => (value === "" || value === null ? undefined : value), IdField.optional());

/** A checkbox or hidden "true"/"false" field. */
export const booleanField = z.preprocess(
  (value) => (value === "true" || value === "on" ? true : value === "false" ? false : value),
  z.boolean(),
);

/** A page number from a query string; anything unusable is the first page. */
export const pageField = z.preprocess((value) => {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}, z.number().int().min(1));
