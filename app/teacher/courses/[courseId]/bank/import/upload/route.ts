import { revalidatePath } from "next/cache";
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/session";
import { teacherCoursePath } from "@/lib/course/paths";
import { AppError } from "@/lib/errors";
import { errorResponse, isSameOrigin } from "@/lib/http";
import { importQuestions } from "@/lib/qbank/import-questions";
import { QBANK_LIMITS } from "@/lib/qbank/schemas";
import { readImportUpload } from "@/lib/uploads/read-import-upload";

export const dynamic = "force-dynamic";

/**
 * POST multipart: `file` (.xlsx, .csv, .txt/.gift, .xml), `shared=1` to share the questions with the department.
 * Without `confirm=1` it previews; with it the file is read and checked again and imported in one transaction.
 */
export async function POST(request: Request, { params }: { params: Promise<{ courseId: string }> }) {
  try {
    const { courseId } = await params;
    const actor = await requireActor();
    if (!isSameOrigin(request)) throw new AppError("auth.forbidden");
    const { file, dryRun, form } = await readImportUpload(request, QBANK_LIMITS.fileBytes);
    const summary = await importQuestions(actor, courseId, file, { dryRun, shared: form.get("shared") === "1" });
    if (summary.committed) revalidatePath(teacherCoursePath(courseId, "bank"), "layout");
    return NextResponse.json({ ok: true, data: summary }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
