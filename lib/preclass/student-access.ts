import { type Actor, authorizeLesson } from "@/lib/auth/authz";
import { AppError } from "@/lib/errors";

/**
 * Answers, feedback and the student view belong to the course's enrolled students, who act only as themselves.
 * Others who may see the course (teachers, department admins) are refused; those who may not see it get not_found.
 */
export async function authorizeEnrolledStudent(actor: Actor, lessonId: string) {
  const access = await authorizeLesson(actor, lessonId, "course.view");
  if (access.memberRole !== "STUDENT") throw new AppError("auth.forbidden");
  return access;
}
