import { revalidatePath } from "next/cache";
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/session";
import { teacherCoursePath } from "@/lib/course/paths";
import { AppError } from "@/lib/errors";
import { importRoster } from "@/lib/roster/import-roster";
import { ROSTER_LIMITS } from "@/lib/roster/schemas";
import { errorResponse, isSameOrigin } from "@/lib/http";
import { readImportUpload } from "@/lib/uploads/read-import-upload";

export const dynamic = "force-dynamic";

/**
 * Multipart form with `file` (.xlsx or .csv). Without `confirm=1` it previews the import; with it, the file is
 * read and checked again and imported in one transaction. The answer carries the new accounts' temporary
 * passwords once: it must not be cached.
 */
export async function POST(request: Request, { params }: { params: Promise<{ courseId: string }> }) {
  try {
    const { courseId } = await params;
    const actor = await requireActor();
    // Server actions get this check from Next; a cookie-authenticated upload endpoint needs it too.
    if (!isSameOrigin(request)) throw new AppError("auth.forbidden");
    const { file, dryRun } = await readImportUpload(request, ROSTER_LIMITS.fileBytes);
    const summary = await importRoster(actor, courseId, file, { dryRun });
    if (summary.committed) revalidatePath(teacherCoursePath(courseId, "roster"));
    return NextResponse.json({ ok: true, data: summary }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
