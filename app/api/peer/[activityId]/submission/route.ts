import { revalidatePath } from "next/cache";
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorResponse, isSameOrigin } from "@/lib/http";
import { studentPeerReviewPath } from "@/lib/peer/paths";
import { PEER_LIMITS } from "@/lib/peer/schemas";
import { submitWork } from "@/lib/peer/submit-work";
import { readSubmissionForm } from "@/lib/uploads/read-submission-form";

export const dynamic = "force-dynamic";

/** Hands in or replaces the student's work for a peer review (see readSubmissionForm for the body, submitWork for the rules). */
export async function POST(request: Request, { params }: { params: Promise<{ activityId: string }> }) {
  try {
    const actor = await requireActor();
    if (!isSameOrigin(request)) throw new AppError("auth.forbidden");
    const { activityId } = await params;
    const submission = await readSubmissionForm(request, { maxFiles: PEER_LIMITS.maxFiles, tooLarge: "upload.too_large", tooMany: "upload.too_many" });
    const result = await submitWork(actor, { activityId, ...submission });
    revalidatePath(studentPeerReviewPath(activityId));
    return NextResponse.json({ ok: true, data: { late: result.late } }, { status: 200, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
