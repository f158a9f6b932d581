import { requireActor } from "@/lib/auth/session";
import { getSubmissionFileForDownload } from "@/lib/homework/submission-files";
import { contentDisposition, errorResponse } from "@/lib/http";
import { DOCUMENT_AND_IMAGE_TYPES, type UploadMimeType } from "@/lib/uploads/file-types";
import { openUpload } from "@/lib/uploads/open-upload";

export const dynamic = "force-dynamic";

/**
 * Downloads a file of a homework submission for those who may have it (see canDownloadSubmissionFile). Served
 * with the type checked at upload and nosniff; PDFs and images open in the browser, office files download.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ fileId: string }> }) {
  try {
    const { fileId } = await params;
    const file = await getSubmissionFileForDownload(await requireActor(), fileId);
    const body = await openUpload(file.storageKey);
    const inline = DOCUMENT_AND_IMAGE_TYPES.includes(file.mimeType as UploadMimeType);
    return new Response(body.stream, {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Length": String(body.size),
        "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", file.fileName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
