import { teacherCoursePath } from "@/lib/course/paths";

/** URLs of the quiz pages; pages link and actions revalidate through these. */
export const teacherQuizzesPath = (courseId: string) => teacherCoursePath(courseId, "quizzes");

export const teacherQuizPath = (courseId: string, quizId: string, sub: "" | "results" | "marking" = "") =>
  `${teacherQuizzesPath(courseId)}/${quizId}${sub ? `/${sub}` : ""}`;

export const studentQuizPath = (quizId: string) => `/student/quizzes/${quizId}`;

export const studentAttemptPath = (quizId: string, attemptId: string) => `${studentQuizPath(quizId)}/attempt/${attemptId}`;

export const studentReviewPath = (quizId: string, attemptId: string) => `${studentQuizPath(quizId)}/review/${attemptId}`;
