import { AppError } from "@/lib/errors";
import { readFormData } from "@/lib/http";

// Room for the multipart envelope around a file of the maximum size.
const ENVELOPE_BYTES = 64 * 1024;

export type ImportUpload = {
  file: { name: string; bytes: Uint8Array };
  /** Without `confirm=1` an import only previews; with it the file is read and checked again and committed. */
  dryRun: boolean;
  /** The whole form, for a feature's own extra fields. */
  form: FormData;
};

/** A spreadsheet-style import posted as multipart `file` (at most `maxFileBytes`) and `confirm=1` to commit. */
export async function readImportUpload(request: Request, maxFileBytes: number): Promise<ImportUpload> {
  const form = await readFormData(request, maxFileBytes + ENVELOPE_BYTES, "file.too_large");
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("validation");
  if (file.size > maxFileBytes) throw new AppError("file.too_large");
  return { file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, dryRun: form.get("confirm") !== "1", form };
}
