import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getRosterTemplate } from "@/lib/roster/template";
import { contentDisposition, errorResponse } from "@/lib/http";

export const dynamic = "force-dynamic";

/** GET ?format=xlsx (default) or ?format=csv: the roster import template as a download. */
export async function GET(request: Request, { params }: { params: Promise<{ courseId: string }> }) {
  try {
    const { courseId } = await params;
    const format = new URL(request.url).searchParams.get("format") ?? "xlsx";
    if (format !== "xlsx" && format !== "csv") throw new AppError("validation");
    const template = await getRosterTemplate(await requireActor(), courseId, format);
    return new Response(template.body, {
      headers: {
        "Content-Type": template.contentType,
        "Content-Disposition": contentDisposition("attachment", template.filename, `roster-template.${format}`),
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
