import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { type DeleteNoteInput, DeleteNoteSchema } from "./schemas";
import { getOwnNote } from "./visibility";

export async function deleteNote(actor: Actor, input: DeleteNoteInput): Promise<{ courseId: string; lessonId: string | null }> {
  const data = DeleteNoteSchema.parse(input);
  const { note } = await getOwnNote(actor, data.noteId);
  return db.note.delete({ where: { id: note.id }, select: { courseId: true, lessonId: true } });
}
