import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { getLessonMembership } from "@/lib/threads/membership";
import { resolveSubject } from "@/lib/threads/subject";
import { type CreateNoteInput, CreateNoteSchema } from "./schemas";
import { groupForVisibility } from "./visibility";

/** Any member of the course (student or staff) writes their own notes about a lesson or its case. */
export async function createNote(actor: Actor, input: CreateNoteInput): Promise<{ id: string; courseId: string; lessonId: string | null }> {
  const data = CreateNoteSchema.parse(input);
  const { membership } = await getLessonMembership(actor, data.lessonId);
  const subject = await resolveSubject(membership.courseId, { lessonId: data.lessonId, caseId: data.caseId });
  return db.note.create({
    data: {
      authorId: actor.id,
      courseId: membership.courseId,
      ...subject,
      title: data.title,
      body: data.body,
      visibility: data.visibility,
      groupId: groupForVisibility(data.visibility, membership),
    },
    select: { id: true, courseId: true, lessonId: true },
  });
}
