/** Where one student stands on one homework. */
export type HomeworkStatusKey = "not_submitted" | "submitted" | "late" | "graded";

/**
 * A submission's status. `gradeVisible` is false for a student before the release: then a graded submission still
 * reads "submitted" (or "late"), so the status itself gives nothing away.
 */
export function submissionStatus(
  submission: { lateMinutes: number; gradedAt: Date | null } | null,
  gradeVisible: boolean,
): HomeworkStatusKey {
  if (!submission) return "not_submitted";
  if (submission.gradedAt && gradeVisible) return "graded";
  return submission.lateMinutes > 0 ? "late" : "submitted";
}
