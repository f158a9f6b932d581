/** Teacher-portal URLs of one course; pages, forms and actions link and revalidate through these. */
export type TeacherCourseSection =
  | ""
  | "intro"
  | "lessons"
  | "lessons/new"
  | "roster"
  | "threads"
  | "bank"
  | "quizzes"
  | "homework"
  | "gradebook"
  | "peer-reviews"
  | "evaluations"
  | "pushes"
  | "analytics";

export const teacherCoursePath = (courseId: string, sub: TeacherCourseSection = "") =>
  `/teacher/courses/${courseId}${sub ? `/${sub}` : ""}`;

export const teacherLessonEditPath = (courseId: string, lessonId: string) =>
  `/teacher/courses/${courseId}/lessons/${lessonId}/edit`;

/** Student-portal URLs of one course's after-class work. */
export type StudentCourseSection = "" | "threads" | "coursework" | "practice" | "grades" | "points";

export const studentCoursePath = (courseId: string, sub: StudentCourseSection = "") =>
  `/student/courses/${courseId}${sub ? `/${sub}` : ""}`;
