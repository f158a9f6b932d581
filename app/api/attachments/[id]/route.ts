import { requireActor } from "@/lib/auth/session";
import { getAttachmentForDownload } from "@/lib/preclass/get-attachment-for-download";
import { openUpload } from "@/lib/uploads/open-upload";
import { contentDisposition, errorResponse } from "@/lib/http";

export const dynamic = "force-dynamic";

/**
 * Downloads an attachment for those who may see it (see getAttachmentForDownload). Served with the type recorded
 * at upload (checked against the content then) and nosniff; PDFs and images open in the browser.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const attachment = await getAttachmentForDownload(await requireActor(), id);
    const file = await openUpload(attachment.storageKey);
    return new Response(file.stream, {
      headers: {
        "Content-Type": attachment.mimeType,
        "Content-Length": String(file.size),
        "Content-Disposition": contentDisposition("inline", attachment.fileName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
