import { AppError, type ErrorCode } from "@/lib/errors";
import { readFormData } from "@/lib/http";
import { uploadMaxBytes } from "./config";

// Room for the multipart envelope and the text around the largest allowed files.
const ENVELOPE_BYTES = 256 * 1024;

export type SubmissionForm = {
  text: string;
  keepFileIds: string[];
  files: { fileName: string; bytes: Uint8Array }[];
};

/**
 * A student's submission posted as multipart `text`, `keepFileIds` (repeated) and `files` (repeated; empty file
 * inputs are dropped). Text and files travel in one request, so a submission is never half saved. Each feature
 * names its own errors for a body too big for `maxFiles` files and for too many files.
 */
export async function readSubmissionForm(
  request: Request,
  limits: { maxFiles: number; tooLarge: ErrorCode; tooMany: ErrorCode },
): Promise<SubmissionForm> {
  const form = await readFormData(request, uploadMaxBytes() * limits.maxFiles + ENVELOPE_BYTES, limits.tooLarge);
  const text = form.get("text") ?? "";
  const keepFileIds = form.getAll("keepFileIds");
  const files = form.getAll("files").filter((file): file is File => file instanceof File && file.size > 0);
  if (typeof text !== "string" || keepFileIds.some((id) => typeof id !== "string")) throw new AppError("validation");
  if (files.length > limits.maxFiles) throw new AppError(limits.tooMany);
  return {
    text,
    keepFileIds: keepFileIds as string[],
    files: await Promise.all(files.map(async (file) => ({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }))),
  };
}
