import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type CourseMembership, getCourseMembership } from "@/lib/threads/membership";

/**
 * The notes of one course the actor may read: their own; COURSE notes; GROUP notes of their 小组 (staff read all
 * GROUP notes). PRIVATE notes are the author's alone, not even teachers read them. Every read goes through this
 * filter, so a note the actor may not read is simply not found.
 */
export function noteVisibleTo(actor: Pick<Actor, "id">, membership: CourseMembership): Prisma.NoteWhereInput {
  const group: Prisma.NoteWhereInput[] = membership.isStaff
    ? [{ visibility: "GROUP" }]
    : membership.groupId
      ? [{ visibility: "GROUP", groupId: membership.groupId }]
      : [];
  return { courseId: membership.courseId, OR: [{ authorId: actor.id }, { visibility: "COURSE" }, ...group] };
}

/** A note the actor may read, with their membership in its course. not_found otherwise. */
export async function getVisibleNote(actor: Actor, noteId: string) {
  const row = await db.note.findUnique({ where: { id: noteId }, select: { courseId: true } });
  if (!row) throw new AppError("not_found");
  const membership = await getCourseMembership(actor, row.courseId);
  const note = await db.note.findFirst({
    where: { id: noteId, ...noteVisibleTo(actor, membership) },
    select: { id: true, authorId: true, courseId: true, visibility: true, groupId: true },
  });
  if (!note) throw new AppError("not_found");
  return { note, membership };
}

/** A note the actor may change: they must be able to read it (else not_found) and must have written it. */
export async function getOwnNote(actor: Actor, noteId: string) {
  const found = await getVisibleNote(actor, noteId);
  if (found.note.authorId !== actor.id) throw new AppError("auth.forbidden");
  return found;
}

/** Where a note shared with "my group" goes: the author's current 小组, recorded at share time. */
export function groupForVisibility(
  visibility: "PRIVATE" | "GROUP" | "COURSE",
  membership: CourseMembership,
): string | null {
  if (visibility !== "GROUP") return null;
  if (!membership.groupId) throw new AppError("notes.no_group");
  return membership.groupId;
}
