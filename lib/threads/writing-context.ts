import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { type CourseMembership, getCourseMembership, getLessonMembership } from "./membership";

/** What the note and thread forms offer the actor: their group for "share with my group", all groups for staff. */
export interface WritingContext {
  courseId: string;
  course: { code: string; title: string };
  isStaff: boolean;
  myGroup: { id: string; name: string } | null;
  /** Groups staff can open a group-only thread for; empty for students. */
  groups: { id: string; name: string }[];
}

async function contextOf(membership: CourseMembership): Promise<WritingContext> {
  const { courseId, groupId, isStaff } = membership;
  const groupsWhere = isStaff ? { courseId } : groupId ? { courseId, id: groupId } : null;
  const [course, groups] = await Promise.all([
    db.course.findUniqueOrThrow({ where: { id: courseId }, select: { code: true, title: true } }),
    groupsWhere ? db.group.findMany({ where: groupsWhere, orderBy: { name: "asc" }, select: { id: true, name: true } }) : [],
  ]);
  return {
    courseId,
    course,
    isStaff,
    myGroup: isStaff ? null : (groups[0] ?? null),
    groups: isStaff ? groups : [],
  };
}

export async function getCourseWritingContext(actor: Actor, courseId: string): Promise<WritingContext> {
  return contextOf(await getCourseMembership(actor, courseId));
}

/** For a lesson's after-class tab: also the lesson's clinical case, once the teacher confirmed it de-identified. */
export async function getLessonWritingContext(actor: Actor, lessonId: string): Promise<WritingContext & { lessonId: string; caseId: string | null }> {
  const { membership, clinicalCase } = await getLessonMembership(actor, lessonId);
  return { ...(await contextOf(membership)), lessonId, caseId: clinicalCase?.deidentified ? clinicalCase.id : null };
}
