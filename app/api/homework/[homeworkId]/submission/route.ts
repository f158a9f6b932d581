import { revalidatePath } from "next/cache";
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { studentHomeworkPath, teacherHomeworkPath } from "@/lib/homework/paths";
import { HOMEWORK_LIMITS } from "@/lib/homework/schemas";
import { submitHomework } from "@/lib/homework/submit-homework";
import { errorResponse, isSameOrigin } from "@/lib/http";
import { uploadMaxBytes } from "@/lib/uploads/config";

export const dynamic = "force-dynamic";

// Room for the multipart envelope and the text around the largest allowed files.
const ENVELOPE_BYTES = 256 * 1024;

/**
 * Multipart `text`, `keepFileIds` (repeated) and `files` (repeated): hands in or replaces the student's submission
 * (see submitHomework). Files travel in the same request as the text, so a submission is never half saved.
 */
export async function POST(request: Request, { params }: { params: Promise<{ homeworkId: string }> }) {
  try {
    const actor = await requireActor();
    if (!isSameOrigin(request)) throw new AppError("auth.forbidden");
    const { homeworkId } = await params;
    // Refuse a body that announces itself as too big before reading it.
    if (Number(request.headers.get("content-length") ?? 0) > uploadMaxBytes() * HOMEWORK_LIMITS.maxFiles + ENVELOPE_BYTES) {
      throw new AppError("homework.file_too_large");
    }
    const form = await request.formData().catch(() => {
      throw new AppError("validation");
    });
    const text = form.get("text") ?? "";
    const keepFileIds = form.getAll("keepFileIds");
    const files = form.getAll("files").filter((file): file is File => file instanceof File && file.size > 0);
    if (typeof text !== "string" || keepFileIds.some((id) => typeof id !== "string")) throw new AppError("validation");
    if (files.length > HOMEWORK_LIMITS.maxFiles) throw new AppError("homework.too_many_files");
    const result = await submitHomework(actor, {
      homeworkId,
      text,
      keepFileIds: keepFileIds as string[],
      files: await Promise.all(files.map(async (file) => ({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }))),
    });
    revalidatePath(studentHomeworkPath(homeworkId));
    revalidatePath(teacherHomeworkPath(result.courseId, homeworkId));
    return NextResponse.json(
      { ok: true, data: { submissionId: result.submissionId, version: result.version, lateMinutes: result.lateMinutes } },
      { status: 200, headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
