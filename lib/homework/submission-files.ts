import { type Actor, authorizeCourse, isWellFormedId } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";

export interface SubmissionFileAccess {
  /** The student who handed the file in. */
  ownerId: string;
  courseId: string;
  homeworkId: string;
}

/**
 * Who may download a file of a homework submission: the student who submitted it and the course's staff who may
 * see grades ("grades.view": teacher, assistant, the department's admin, admin). No other student, ever: peer review
 * does not review homework submissions but its own (PeerSubmission), whose files have their own rule, reviewers
 * included (lib/peer/file-download.ts).
 */
export async function canDownloadSubmissionFile(actor: Actor, file: SubmissionFileAccess): Promise<boolean> {
  if (actor.id === file.ownerId) return true;
  return authorizeCourse(actor, file.courseId, "grades.view").then(
    () => true,
    (error: unknown) => {
      if (isAppError(error) && (error.code === "not_found" || error.code === "auth.forbidden")) return false;
      throw error;
    },
  );
}

/** A submission file for download, or not_found for anyone who may not have it (its existence is not confirmed). */
export async function getSubmissionFileForDownload(actor: Actor, fileId: string) {
  if (!isWellFormedId(fileId)) throw new AppError("not_found");
  const file = await db.homeworkFile.findUnique({
    where: { id: fileId },
    select: {
      storageKey: true,
      fileName: true,
      mimeType: true,
      size: true,
      submission: { select: { userId: true, homework: { select: { id: true, courseId: true } } } },
    },
  });
  if (!file) throw new AppError("not_found");
  const access = { ownerId: file.submission.userId, courseId: file.submission.homework.courseId, homeworkId: file.submission.homework.id };
  if (!(await canDownloadSubmissionFile(actor, access))) throw new AppError("not_found");
  const { storageKey, fileName, mimeType, size } = file;
  return { storageKey, fileName, mimeType, size };
}
