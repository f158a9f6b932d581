import { exportAnalyticsTable } from "@/lib/analytics/export-tables";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { contentDisposition, errorResponse } from "@/lib/http";

export const dynamic = "force-dynamic";

const PARAMS = ["departmentId", "term", "classId", "courseId", "studentId", "quizId"] as const;

/** GET /api/analytics/export/<table>?format=xlsx|csv&term=…&courseId=… — any analytics table as a download. */
export async function GET(request: Request, { params }: { params: Promise<{ table: string }> }) {
  try {
    const { table } = await params;
    const search = new URL(request.url).searchParams;
    const format = search.get("format") ?? "xlsx";
    if (format !== "xlsx" && format !== "csv") throw new AppError("validation");
    const values = Object.fromEntries(PARAMS.flatMap((key) => (search.get(key) ? [[key, search.get(key)!]] : [])));
    const file = await exportAnalyticsTable(await requireActor(), table, values, format);
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": contentDisposition("attachment", file.filename, `analytics-${table}.${format}`),
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
