/** Teacher-portal URLs of one course; pages, forms and actions link and revalidate through these. */
export const teacherCoursePath = (courseId: string, sub: "" | "intro" | "lessons" | "lessons/new" | "roster" | "threads" = "") =>
  `/teacher/courses/${courseId}${sub ? `/${sub}` : ""}`;

export const teacherLessonEditPath = (courseId: string, lessonId: string) =>
  `/teacher/courses/${courseId}/lessons/${lessonId}/edit`;
