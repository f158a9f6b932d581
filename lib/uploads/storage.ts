import { randomBytes } from "node:crypto";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { uploadDir } from "./config";

const KEY_PATTERN = /^[0-9a-f]{32}$/;

/** A fresh storage key: 128 random bits in hex. Never derived from anything the uploader sent. */
export const newStorageKey = (): string => randomBytes(16).toString("hex");

/** The path of a stored file. Anything that is not a well-formed key is not_found, so no key can leave the directory. */
export function storagePathOf(key: string): string {
  if (!KEY_PATTERN.test(key)) throw new AppError("not_found");
  return path.join(uploadDir(), key);
}
