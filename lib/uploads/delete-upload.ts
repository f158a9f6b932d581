import fs from "node:fs/promises";
import { storagePathOf } from "./storage";

/** Removes a stored file; a file that is already gone is fine. */
export async function deleteUpload(key: string): Promise<void> {
  await fs.rm(storagePathOf(key), { force: true });
}
