export const teacherPrepPath = (lessonId: string) => `/teacher/lessons/${lessonId}/prep`;
export const studentPrePath = (lessonId: string) => `/student/lessons/${lessonId}/pre`;
export const attachmentPath = (attachmentId: string) => `/api/attachments/${attachmentId}`;
