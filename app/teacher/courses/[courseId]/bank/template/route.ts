import { requireActor } from "@/lib/auth/session";
import { contentDisposition, errorResponse } from "@/lib/http";
import { getImportTemplate } from "@/lib/qbank/export-bank";

export const dynamic = "force-dynamic";

/** GET: the Excel import template (题目 sheet with the headers; rules and examples on the 说明 sheet). */
export async function GET(_request: Request, { params }: { params: Promise<{ courseId: string }> }) {
  try {
    const { courseId } = await params;
    const template = await getImportTemplate(await requireActor(), courseId);
    return new Response(template.body, {
      headers: {
        "Content-Type": template.contentType,
        "Content-Disposition": contentDisposition("attachment", template.filename, template.asciiFilename),
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
