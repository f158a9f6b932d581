import type { Actor } from "@/lib/auth/authz";
import { listEvaluationsForStudent } from "@/lib/evaluation/list-evaluations-for-student";
import { listHomeworkForStudent } from "@/lib/homework/student-queries";
import { listQuizzesForStudent } from "@/lib/quiz/list-quizzes-for-student";

/**
 * A student's after-class work in one course — quizzes, homework, evaluations — each list from its own domain with
 * this student's standing. With `lessonId`, only what belongs to that lesson (the lesson's 课后 tab).
 */
export async function getStudentCoursework(actor: Actor, courseId: string, options: { lessonId?: string; now?: Date } = {}) {
  const now = options.now ?? new Date();
  const [quizzes, homework, evaluations] = await Promise.all([
    listQuizzesForStudent(actor, courseId, now),
    listHomeworkForStudent(actor, courseId),
    listEvaluationsForStudent(actor, courseId),
  ]);
  const ofLesson = <T extends { lessonId: string | null }>(items: T[]) =>
    options.lessonId ? items.filter((item) => item.lessonId === options.lessonId) : items;
  return { quizzes: ofLesson(quizzes), homework: ofLesson(homework), evaluations: ofLesson(evaluations) };
}

export type StudentCoursework = Awaited<ReturnType<typeof getStudentCoursework>>;
