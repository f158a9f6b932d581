import path from "node:path";

const DEFAULT_DIR = ".data/uploads";
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

// Read on every call rather than cached: tests point UPLOAD_DIR at a temporary directory per file.

/** Where uploaded files live: `UPLOAD_DIR`, default `.data/uploads` (relative to the working directory). */
export function uploadDir(): string {
  return path.resolve(process.env.UPLOAD_DIR?.trim() || DEFAULT_DIR);
}

/** The largest accepted file: `UPLOAD_MAX_BYTES`, default 10 MB. A value that is not a positive integer is ignored. */
export function uploadMaxBytes(): number {
  const raw = Number(process.env.UPLOAD_MAX_BYTES);
  return Number.isSafeInteger(raw) && raw > 0 ? raw : DEFAULT_MAX_BYTES;
}
