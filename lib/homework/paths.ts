import { teacherCoursePath } from "@/lib/course/paths";

export const teacherHomeworkPath = (courseId: string, homeworkId: string) => `${teacherCoursePath(courseId, "homework")}/${homeworkId}`;
export const teacherSubmissionPath = (courseId: string, homeworkId: string, submissionId: string) =>
  `${teacherHomeworkPath(courseId, homeworkId)}/submissions/${submissionId}`;
export const studentHomeworkPath = (homeworkId: string) => `/student/homework/${homeworkId}`;
export const submissionUploadPath = (homeworkId: string) => `/api/homework/${homeworkId}/submission`;
export const submissionFilePath = (fileId: string) => `/api/homework/files/${fileId}`;
