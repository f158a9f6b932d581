import { exportAuditLog } from "@/lib/audit/export-audit";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { contentDisposition, errorResponse } from "@/lib/http";

export const dynamic = "force-dynamic";

/** GET ?format=xlsx|csv with the viewer's filters: the filtered 审计日志 (every page) as a download. */
export async function GET(request: Request) {
  try {
    const { format = "xlsx", ...filters } = Object.fromEntries(new URL(request.url).searchParams);
    if (format !== "xlsx" && format !== "csv") throw new AppError("validation");
    const file = await exportAuditLog(await requireActor(), filters, format);
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": contentDisposition("attachment", file.filename, `audit-log.${format}`),
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
