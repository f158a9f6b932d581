import { lessonAfterPath } from "@/lib/threads/paths";

/** URLs of the notes pages; actions revalidate through these. */
export const studentNotesPath = "/student/notes";

export const lessonAfterPaths = (lessonId: string) => (["student", "teacher"] as const).map((portal) => lessonAfterPath(portal, lessonId));

export const noteExportUrl = (target: { noteId: string } | { courseId: string }) =>
  `/api/notes/export?${new URLSearchParams(target).toString()}`;
