import { teacherCoursePath } from "@/lib/course/paths";

export const teacherPeerReviewsPath = (courseId: string) => teacherCoursePath(courseId, "peer-reviews");
export const teacherPeerReviewPath = (courseId: string, activityId: string) => `${teacherPeerReviewsPath(courseId)}/${activityId}`;
export const newPeerReviewPath = (courseId: string) => `${teacherPeerReviewsPath(courseId)}/new`;
export const studentPeerReviewPath = (activityId: string) => `/student/peer-reviews/${activityId}`;
/** Downloads a submission's file (name chosen by the server: generic for reviewers). */
export const peerFilePath = (fileId: string) => `/api/peer/files/${fileId}`;
export const peerSubmissionPath = (activityId: string) => `/api/peer/${activityId}/submission`;
