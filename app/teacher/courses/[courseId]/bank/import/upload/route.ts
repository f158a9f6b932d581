import { revalidatePath } from "next/cache";
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/session";
import { teacherCoursePath } from "@/lib/course/paths";
import { AppError } from "@/lib/errors";
import { errorResponse, isSameOrigin } from "@/lib/http";
import { importQuestions } from "@/lib/qbank/import-questions";
import { QBANK_LIMITS } from "@/lib/qbank/schemas";

export const dynamic = "force-dynamic";

// Room for the multipart envelope around a file of the maximum size.
const MAX_BODY_BYTES = QBANK_LIMITS.fileBytes + 64 * 1024;

/**
 * POST multipart: `file` (.xlsx, .csv, .txt/.gift, .xml), `shared=1` to share the questions with the department.
 * Without `confirm=1` it previews; with it the file is read and checked again and imported in one transaction.
 */
export async function POST(request: Request, { params }: { params: Promise<{ courseId: string }> }) {
  try {
    const { courseId } = await params;
    const actor = await requireActor();
    if (!isSameOrigin(request)) throw new AppError("auth.forbidden");
    if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw new AppError("file.too_large");
    const form = await request.formData().catch(() => {
      throw new AppError("validation");
    });
    const file = form.get("file");
    if (!(file instanceof File)) throw new AppError("validation");
    if (file.size > QBANK_LIMITS.fileBytes) throw new AppError("file.too_large");
    const summary = await importQuestions(
      actor,
      courseId,
      { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      { dryRun: form.get("confirm") !== "1", shared: form.get("shared") === "1" },
    );
    if (summary.committed) revalidatePath(teacherCoursePath(courseId, "bank"), "layout");
    return NextResponse.json({ ok: true, data: summary }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
