import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { contentDisposition, errorResponse } from "@/lib/http";
import { type ExportFormat, exportBank } from "@/lib/qbank/export-bank";

export const dynamic = "force-dynamic";

const FORMATS: Record<string, ExportFormat> = { xlsx: "xlsx", xml: "moodle-xml" };

/**
 * GET …/bank/export/xlsx or …/bank/export/xml: the bank as Excel (the import template's layout) or Moodle XML.
 * The bank list's filter (type, tag, difficulty, q, source, caseId, archived) narrows it, as on the page.
 */
export async function GET(request: Request, { params }: { params: Promise<{ courseId: string; format: string }> }) {
  try {
    const { courseId, format } = await params;
    const exportFormat = FORMATS[format];
    if (!exportFormat) throw new AppError("not_found");
    const filter = Object.fromEntries(new URL(request.url).searchParams);
    const download = await exportBank(await requireActor(), courseId, exportFormat, filter);
    return new Response(download.body, {
      headers: {
        "Content-Type": download.contentType,
        "Content-Disposition": contentDisposition("attachment", download.filename, download.asciiFilename),
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
