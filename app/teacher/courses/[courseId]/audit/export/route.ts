import { exportCourseAuditLog } from "@/lib/audit/export-audit";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { contentDisposition, errorResponse } from "@/lib/http";

export const dynamic = "force-dynamic";

/** GET ?format=xlsx|csv with the viewer's filters: the course's filtered 变更记录 as a download (grades.manage). */
export async function GET(request: Request, { params }: { params: Promise<{ courseId: string }> }) {
  try {
    const { courseId } = await params;
    const { format = "xlsx", ...filters } = Object.fromEntries(new URL(request.url).searchParams);
    if (format !== "xlsx" && format !== "csv") throw new AppError("validation");
    const file = await exportCourseAuditLog(await requireActor(), courseId, filters, format);
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": contentDisposition("attachment", file.filename, `course-audit.${format}`),
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
