import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import { storagePathOf } from "./storage";

/** A stored file as a web stream (for a Response body) with its size; not_found when it is missing. */
export async function openUpload(key: string): Promise<{ stream: ReadableStream<Uint8Array>; size: number }> {
  const file = storagePathOf(key);
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new AppError("not_found");
  return { stream: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>, size: stat.size };
}
