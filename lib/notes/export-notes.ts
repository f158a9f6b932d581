import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getCourseMembership } from "@/lib/threads/membership";
import { asciiFileName, type ExportableNote, noteToMarkdown, notesToMarkdown, safeFileName } from "./markdown-file";
import { type ExportNotesInput, ExportNotesSchema } from "./schemas";
import { getVisibleNote } from "./visibility";

export interface NotesFile {
  fileName: string;
  asciiFileName: string;
  content: string;
}

const EXPORT_SELECT = {
  id: true,
  title: true,
  body: true,
  updatedAt: true,
  author: { select: { name: true } },
  course: { select: { code: true, title: true } },
  lesson: { select: { title: true } },
} as const;

/** One note the actor may read, or all of the actor's own notes in one course (oldest lesson first). */
export async function exportNotes(actor: Actor, input: ExportNotesInput, now = new Date()): Promise<NotesFile> {
  const data = ExportNotesSchema.parse(input);
  if (data.noteId) {
    const { note: visible } = await getVisibleNote(actor, data.noteId);
    const note: ExportableNote = await db.note.findUniqueOrThrow({ where: { id: visible.id }, select: EXPORT_SELECT });
    return { fileName: safeFileName(note.title, "md"), asciiFileName: asciiFileName(`note-${visible.id}`, "md"), content: noteToMarkdown(note) };
  }
  if (!data.courseId) throw new AppError("validation");
  const { courseId } = await getCourseMembership(actor, data.courseId);
  const [course, notes] = await Promise.all([
    db.course.findUniqueOrThrow({ where: { id: courseId }, select: { code: true, title: true } }),
    db.note.findMany({
      where: { courseId, authorId: actor.id },
      orderBy: [{ lesson: { position: "asc" } }, { createdAt: "asc" }, { id: "asc" }],
      select: EXPORT_SELECT,
    }),
  ]);
  return {
    fileName: safeFileName(`${course.code} ${course.title}`, "md"),
    asciiFileName: asciiFileName(`notes-${course.code}`, "md"),
    content: notesToMarkdown(course, actor.name, notes, now),
  };
}
