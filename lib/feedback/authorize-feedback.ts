import { type Actor, type CourseAction, authorizeLesson } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** One student's pre-class feedback, authorized through its lesson's course. not_found when it does not exist. */
export async function authorizeFeedback(actor: Actor, feedbackId: string, action: CourseAction) {
  const feedback = await db.preClassFeedback.findUnique({ where: { id: feedbackId }, select: { id: true, lessonId: true } });
  if (!feedback) throw new AppError("not_found");
  const access = await authorizeLesson(actor, feedback.lessonId, action);
  return { feedbackId: feedback.id, lessonId: feedback.lessonId, courseId: access.courseId };
}
