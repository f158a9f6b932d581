import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getRosterTemplate } from "@/lib/roster/template";
import { errorResponse } from "../error-response";

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
        "Content-Disposition": `attachment; filename="roster-template.${format}"; filename*=UTF-8''${encodeURIComponent(template.filename)}`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
