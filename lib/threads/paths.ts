/** URLs of the thread pages in both portals; pages link and actions revalidate through these. */
export type ThreadPortal = "student" | "teacher";

export const threadsPath = (portal: ThreadPortal, courseId: string) => `/${portal}/courses/${courseId}/threads`;

export const threadPath = (portal: ThreadPortal, courseId: string, threadId: string) => `${threadsPath(portal, courseId)}/${threadId}`;

export const lessonAfterPath = (portal: ThreadPortal, lessonId: string) => `/${portal}/lessons/${lessonId}/after`;

/** Every page that shows a thread or its place in a list. */
export function pathsShowingThread(target: { courseId: string; lessonId: string | null; threadId?: string }): string[] {
  return (["student", "teacher"] as const).flatMap((portal) => [
    threadsPath(portal, target.courseId),
    ...(target.threadId ? [threadPath(portal, target.courseId, target.threadId)] : []),
    ...(target.lessonId ? [lessonAfterPath(portal, target.lessonId)] : []),
  ]);
}
