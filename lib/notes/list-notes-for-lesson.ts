import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { getLessonMembership } from "@/lib/threads/membership";
import { NOTE_LIST_SELECT, type NoteListItem } from "./note-select";
import { type ListNotesForLessonInput, ListNotesForLessonSchema } from "./schemas";
import { noteVisibleTo } from "./visibility";

/** Enough to read on a phone; the rest stays reachable through search and export. */
const SHARED_LIMIT = 50;

/** A lesson's after-class notes: the actor's own, and those others shared with them. */
export async function listNotesForLesson(
  actor: Actor,
  input: ListNotesForLessonInput,
): Promise<{ mine: NoteListItem[]; shared: NoteListItem[]; sharedTotal: number }> {
  const data = ListNotesForLessonSchema.parse(input);
  const { membership, lessonId } = await getLessonMembership(actor, data.lessonId);
  const visible = noteVisibleTo(actor, membership);
  const sharedWhere = { AND: [visible, { lessonId, authorId: { not: actor.id } }] };
  const orderBy = [{ updatedAt: "desc" as const }, { id: "desc" as const }];
  const [mine, shared, sharedTotal] = await Promise.all([
    db.note.findMany({ where: { courseId: membership.courseId, lessonId, authorId: actor.id }, orderBy, select: NOTE_LIST_SELECT }),
    db.note.findMany({ where: sharedWhere, orderBy, take: SHARED_LIMIT, select: NOTE_LIST_SELECT }),
    db.note.count({ where: sharedWhere }),
  ]);
  return { mine, shared, sharedTotal };
}
