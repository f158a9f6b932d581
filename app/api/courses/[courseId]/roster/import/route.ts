import { revalidatePath } from "next/cache";
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/session";
import { teacherCoursePath } from "@/lib/course/paths";
import { AppError } from "@/lib/errors";
import { importRoster } from "@/lib/roster/import-roster";
import { ROSTER_LIMITS } from "@/lib/roster/schemas";
import { errorResponse, isSameOrigin } from "@/lib/http";

export const dynamic = "force-dynamic";

// Room for the multipart envelope around a file of the maximum size.
const MAX_BODY_BYTES = ROSTER_LIMITS.fileBytes + 64 * 1024;

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
    if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw new AppError("file.too_large");
    const form = await request.formData().catch(() => {
      throw new AppError("validation");
    });
    const file = form.get("file");
    if (!(file instanceof File)) throw new AppError("validation");
    if (file.size > ROSTER_LIMITS.fileBytes) throw new AppError("file.too_large");
    const summary = await importRoster(
      actor,
      courseId,
      { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      { dryRun: form.get("confirm") !== "1" },
    );
    if (summary.committed) revalidatePath(teacherCoursePath(courseId, "roster"));
    return NextResponse.json({ ok: true, data: summary }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
