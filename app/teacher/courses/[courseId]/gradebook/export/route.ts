import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { exportGradebook } from "@/lib/gradebook/export-gradebook";
import { contentDisposition, errorResponse } from "@/lib/http";

export const dynamic = "force-dynamic";

/** GET ?format=xlsx (default) or ?format=csv: the course's gradebook as a download (grades.view). */
export async function GET(request: Request, { params }: { params: Promise<{ courseId: string }> }) {
  try {
    const { courseId } = await params;
    const format = new URL(request.url).searchParams.get("format") ?? "xlsx";
    if (format !== "xlsx" && format !== "csv") throw new AppError("validation");
    const file = await exportGradebook(await requireActor(), courseId, format);
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": contentDisposition("attachment", file.filename, file.fallbackName),
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
