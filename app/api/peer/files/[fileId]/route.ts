import { requireActor } from "@/lib/auth/session";
import { contentDisposition, errorResponse } from "@/lib/http";
import { getPeerFileForDownload } from "@/lib/peer/file-download";
import { openUpload } from "@/lib/uploads/open-upload";

export const dynamic = "force-dynamic";

/**
 * Downloads a peer-review submission's file for those who may see it (getPeerFileForDownload). Reviewers get the
 * generic name chosen there; the type is the one checked against the content at upload, served with nosniff.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ fileId: string }> }) {
  try {
    const { fileId } = await params;
    const file = await getPeerFileForDownload(await requireActor(), fileId);
    const body = await openUpload(file.storageKey);
    return new Response(body.stream, {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Length": String(body.size),
        "Content-Disposition": contentDisposition("inline", file.fileName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
