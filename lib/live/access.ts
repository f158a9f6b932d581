import { type Actor, authorizeLesson } from "@/lib/auth/authz";
import { AppError } from "@/lib/errors";

export interface LiveAccess {
  lessonId: string;
  courseId: string;
  /** Students see their own and highlighted answers; staff see the board (names even on anonymous topics). */
  viewer: "student" | "staff";
  /** Runs the board: sign-in, topics, highlights, replies. */
  canManage: boolean;
}

/**
 * Who may be in a lesson's live room: its enrolled students, and those who may see its roster (teachers,
 * assistants, department admins) as staff. Everyone else gets not_found from authorizeLesson.
 */
export async function liveAccess(actor: Actor, lessonId: string): Promise<LiveAccess> {
  const access = await authorizeLesson(actor, lessonId, "course.view");
  const base = { lessonId, courseId: access.courseId };
  if (access.memberRole === "STUDENT") return { ...base, viewer: "student", canManage: false };
  if (!access.actions.has("roster.view")) throw new AppError("auth.forbidden");
  return { ...base, viewer: "staff", canManage: access.actions.has("course.edit") };
}

/** Students act only as themselves and only where they are enrolled. */
export async function authorizeLiveStudent(actor: Actor, lessonId: string): Promise<LiveAccess> {
  const access = await liveAccess(actor, lessonId);
  if (access.viewer !== "student") throw new AppError("auth.forbidden");
  return access;
}

export async function authorizeLiveTeacher(actor: Actor, lessonId: string): Promise<LiveAccess> {
  const access = await liveAccess(actor, lessonId);
  if (!access.canManage) throw new AppError("auth.forbidden");
  return access;
}
