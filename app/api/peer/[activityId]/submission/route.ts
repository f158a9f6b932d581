import { revalidatePath } from "next/cache";
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorResponse, isSameOrigin } from "@/lib/http";
import { studentPeerReviewPath } from "@/lib/peer/paths";
import { PEER_LIMITS } from "@/lib/peer/schemas";
import { submitWork } from "@/lib/peer/submit-work";
import { uploadMaxBytes } from "@/lib/uploads/config";

export const dynamic = "force-dynamic";

// Room for the multipart envelope and the text around the largest allowed files.
const ENVELOPE_BYTES = 256 * 1024;

/**
 * Multipart `text`, `keepFileIds` (repeated) and `files` (repeated): hands in or replaces the student's work for a
 * peer review (see submitWork). Text and files travel together, so a submission is never half saved.
 */
export async function POST(request: Request, { params }: { params: Promise<{ activityId: string }> }) {
  try {
    const actor = await requireActor();
    if (!isSameOrigin(request)) throw new AppError("auth.forbidden");
    const { activityId } = await params;
    // Refuse a body that announces itself as too big before reading it.
    if (Number(request.headers.get("content-length") ?? 0) > uploadMaxBytes() * PEER_LIMITS.maxFiles + ENVELOPE_BYTES) {
      throw new AppError("upload.too_large");
    }
    const form = await request.formData().catch(() => {
      throw new AppError("validation");
    });
    const text = form.get("text") ?? "";
    const keepFileIds = form.getAll("keepFileIds");
    const files = form.getAll("files").filter((file): file is File => file instanceof File && file.size > 0);
    if (typeof text !== "string" || keepFileIds.some((id) => typeof id !== "string")) throw new AppError("validation");
    if (files.length > PEER_LIMITS.maxFiles) throw new AppError("upload.too_many");
    const result = await submitWork(actor, {
      activityId,
      text,
      keepFileIds: keepFileIds as string[],
      files: await Promise.all(files.map(async (file) => ({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }))),
    });
    revalidatePath(studentPeerReviewPath(activityId));
    return NextResponse.json({ ok: true, data: { late: result.late } }, { status: 200, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
