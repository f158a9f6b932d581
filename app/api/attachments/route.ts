import { revalidatePath } from "next/cache";
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { teacherPrepPath } from "@/lib/preclass/paths";
import { uploadAttachment } from "@/lib/preclass/upload-attachment";
import { uploadMaxBytes } from "@/lib/uploads/config";
import { errorResponse, isSameOrigin, readFormData } from "@/lib/http";

export const dynamic = "force-dynamic";

// Room for the multipart envelope around a file of the maximum size.
const ENVELOPE_BYTES = 64 * 1024;

/** Multipart `packageId` + `file`: adds an attachment to a pre-class package (course.edit). */
export async function POST(request: Request) {
  try {
    const actor = await requireActor();
    if (!isSameOrigin(request)) throw new AppError("auth.forbidden");
    const maxBytes = uploadMaxBytes();
    const form = await readFormData(request, maxBytes + ENVELOPE_BYTES, "upload.too_large");
    const packageId = form.get("packageId");
    const file = form.get("file");
    if (typeof packageId !== "string" || !(file instanceof File)) throw new AppError("validation");
    if (file.size > maxBytes) throw new AppError("upload.too_large");
    const attachment = await uploadAttachment(actor, {
      packageId,
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    revalidatePath(teacherPrepPath(attachment.lessonId));
    const { id, fileName, mimeType, size } = attachment;
    return NextResponse.json({ ok: true, data: { id, fileName, mimeType, size } }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
