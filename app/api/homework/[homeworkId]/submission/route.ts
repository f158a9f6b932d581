import { revalidatePath } from "next/cache";
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { studentHomeworkPath, teacherHomeworkPath } from "@/lib/homework/paths";
import { HOMEWORK_LIMITS } from "@/lib/homework/schemas";
import { submitHomework } from "@/lib/homework/submit-homework";
import { errorResponse, isSameOrigin } from "@/lib/http";
import { readSubmissionForm } from "@/lib/uploads/read-submission-form";

export const dynamic = "force-dynamic";

/** Hands in or replaces the student's submission (see readSubmissionForm for the body, submitHomework for the rules). */
export async function POST(request: Request, { params }: { params: Promise<{ homeworkId: string }> }) {
  try {
    const actor = await requireActor();
    if (!isSameOrigin(request)) throw new AppError("auth.forbidden");
    const { homeworkId } = await params;
    const submission = await readSubmissionForm(request, {
      maxFiles: HOMEWORK_LIMITS.maxFiles,
      tooLarge: "homework.file_too_large",
      tooMany: "homework.too_many_files",
    });
    const result = await submitHomework(actor, { homeworkId, ...submission });
    revalidatePath(studentHomeworkPath(homeworkId));
    revalidatePath(teacherHomeworkPath(result.courseId, homeworkId));
    return NextResponse.json(
      { ok: true, data: { submissionId: result.submissionId, version: result.version, lateMinutes: result.lateMinutes } },
      { status: 200, headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
