import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { raiseEvent } from "@/lib/events/raise-event";
import { type CourseMembership, getCourseMembership } from "./membership";
import { type CreateThreadInput, CreateThreadSchema } from "./schemas";
import { resolveSubject } from "./subject";

/**
 * Any member opens a thread about the course, a lesson or its case. A student's group-only thread is for their own
 * current 小组 (whatever group id the form sent); staff pick one of the course's groups.
 */
export async function createThread(actor: Actor, input: CreateThreadInput): Promise<{ id: string; courseId: string; lessonId: string | null }> {
  const data = CreateThreadSchema.parse(input);
  const membership = await getCourseMembership(actor, data.courseId);
  const subject = await resolveSubject(membership.courseId, data);
  const groupId = data.scope === "GROUP" ? await groupOf(membership, data.groupId) : null;
  return db.$transaction(async (tx) => {
    const thread = await tx.thread.create({
      data: { courseId: membership.courseId, ...subject, groupId, authorId: actor.id, title: data.title, body: data.body },
      select: { id: true, courseId: true, lessonId: true },
    });
    // The WeChat mirror notifies the course, or only the group: ids only, never the text.
    await raiseEvent(tx, {
      type: "thread.created",
      courseId: thread.courseId,
      lessonId: thread.lessonId ?? undefined,
      subjectId: thread.id,
      payload: { groupId },
    });
    return thread;
  });
}

async function groupOf(membership: CourseMembership, requested: string | undefined): Promise<string> {
  if (!membership.isStaff) {
    if (!membership.groupId) throw new AppError("threads.no_group");
    return membership.groupId;
  }
  if (!requested) throw new AppError("threads.group_required");
  const group = await db.group.findFirst({ where: { id: requested, courseId: membership.courseId }, select: { id: true } });
  if (!group) throw new AppError("not_found");
  return group.id;
}
