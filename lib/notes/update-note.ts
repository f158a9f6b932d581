import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { type UpdateNoteInput, UpdateNoteSchema } from "./schemas";
import { getOwnNote, groupForVisibility } from "./visibility";

/** Only the author edits. A note that stays shared with the group keeps the group it was shared with. */
export async function updateNote(actor: Actor, input: UpdateNoteInput): Promise<{ id: string; courseId: string; lessonId: string | null }> {
  const data = UpdateNoteSchema.parse(input);
  const { note, membership } = await getOwnNote(actor, data.noteId);
  const groupId =
    data.visibility === "GROUP" && note.visibility === "GROUP" && note.groupId
      ? note.groupId
      : groupForVisibility(data.visibility, membership);
  return db.note.update({
    where: { id: note.id },
    data: { title: data.title, body: data.body, visibility: data.visibility, groupId },
    select: { id: true, courseId: true, lessonId: true },
  });
}
