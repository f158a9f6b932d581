import type { Actor } from "@/lib/auth/authz";
import { listEvaluationsForStudent } from "@/lib/evaluation/list-evaluations-for-student";
import { listHomeworkForStudent } from "@/lib/homework/student-queries";
import { listPeerReviewsForStudent } from "@/lib/peer/list-peer-reviews";
import { listQuizzesForStudent } from "@/lib/quiz/list-quizzes-for-student";

/**
 * A student's after-class work in one course — quizzes, homework, peer reviews, evaluations — each list from its own
 * domain with this student's standing. With `lessonId`, only what belongs to that lesson (the lesson's 课后 tab).
 */
export async function getStudentCoursework(actor: Actor, courseId: string, options: { lessonId?: string; now?: Date } = {}) {
  const now = options.now ?? new Date();
  const [quizzes, homework, peerReviews, evaluations] = await Promise.all([
    listQuizzesForStudent(actor, courseId, now),
    listHomeworkForStudent(actor, courseId),
    listPeerReviewsForStudent(actor, courseId, now),
    listEvaluationsForStudent(actor, courseId),
  ]);
  const ofLesson = <T extends { lessonId: string | null }>(items: T[]) =>
    options.lessonId ? items.filter((item) => item.lessonId === options.lessonId) : items;
  // Peer reviews are course-wide: they show on the course's list, not on a lesson's.
  return {
    quizzes: ofLesson(quizzes),
    homework: ofLesson(homework),
    peerReviews: options.lessonId ? [] : peerReviews,
    evaluations: ofLesson(evaluations),
  };
}

export type StudentCoursework = Awaited<ReturnType<typeof getStudentCoursework>>;
