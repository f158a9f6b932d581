import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { displayNameOf } from "./display-name";
import { FILE_TYPES, type UploadMimeType, extensionOf } from "./file-types";
import { sniffType } from "./sniff-type";
import { newStorageKey, storagePathOf } from "./storage";

export interface StoreUploadOptions {
  /** As sent by the browser; used for the extension check and for display, never as a path. */
  fileName: string;
  allowed: readonly UploadMimeType[];
  maxBytes: number;
}

export interface StoredUpload {
  storageKey: string;
  /** The display name (see displayNameOf). */
  fileName: string;
  mimeType: UploadMimeType;
  size: number;
}

/**
 * Checks a file and stores it under a random key. The extension and the content (magic bytes) must both say the
 * same allowed type. Nothing is written unless every check passes; the file is written under a temporary name and
 * renamed, so a reader never sees half a file and a failed write leaves nothing behind.
 */
export async function storeUpload(bytes: Uint8Array, options: StoreUploadOptions): Promise<StoredUpload> {
  if (bytes.length === 0) throw new AppError("upload.empty");
  if (bytes.length > options.maxBytes) throw new AppError("upload.too_large", { maxBytes: options.maxBytes });
  const fileName = displayNameOf(options.fileName);
  const mimeType = sniffType(bytes);
  const extension = extensionOf(fileName);
  const extensionFits = mimeType !== null && (FILE_TYPES[mimeType] as readonly string[]).includes(extension);
  if (!mimeType || !options.allowed.includes(mimeType) || !extensionFits) throw new AppError("upload.wrong_type");

  const storageKey = newStorageKey();
  const target = storagePathOf(storageKey);
  const temp = path.join(path.dirname(target), `.${storageKey}.part`);
  await fs.mkdir(path.dirname(target), { recursive: true });
  try {
    await fs.writeFile(temp, bytes, { flag: "wx" });
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  return { storageKey, fileName, mimeType, size: bytes.length };
}
