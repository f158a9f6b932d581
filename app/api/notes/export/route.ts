import { requireActor } from "@/lib/auth/session";
import { contentDisposition, errorResponse } from "@/lib/http";
import { exportNotes } from "@/lib/notes/export-notes";
import { ExportNotesSchema } from "@/lib/notes/schemas";

export const dynamic = "force-dynamic";

/**
 * GET ?noteId=… (one note the actor may read) or ?courseId=… (all of the actor's notes in that course): a Markdown
 * download. Failures answer `{ ok: false, code }` with the code's status.
 */
export async function GET(request: Request) {
  try {
    const params = new URL(request.url).searchParams;
    const input = ExportNotesSchema.parse(Object.fromEntries(["noteId", "courseId"].flatMap((key) => params.getAll(key).map((value) => [key, value]))));
    const file = await exportNotes(await requireActor(), input);
    return new Response(file.content, {
      headers: {
        "Content-Type": "text/markdown; charset=utf-8",
        "Content-Disposition": contentDisposition("attachment", file.fileName, file.asciiFileName),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
