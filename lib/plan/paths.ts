/** URLs of the feedback → plan loop; pages, forms and actions link and revalidate through these. */
export const teacherFeedbackPath = (lessonId: string, tag?: string) =>
  `/teacher/lessons/${lessonId}/feedback${tag ? `?tag=${encodeURIComponent(tag)}` : ""}`;

export const teacherPlanPath = (lessonId: string, sub?: "new" | { version: number }) =>
  `/teacher/lessons/${lessonId}/plan${sub === "new" ? "/new" : sub ? `/versions/${sub.version}` : ""}`;

export const studentPlanChangesPath = (lessonId: string) => `/student/lessons/${lessonId}/changes`;
