import { z } from "zod";
import { IdField, markdownField, optionalIdField, pageField, titleField } from "@/lib/threads/form-fields";

export const NOTE_LIMITS = { title: 100, body: 20_000, query: 100, pageSize: 20 } as const;

export const NOTE_VISIBILITIES = ["PRIVATE", "GROUP", "COURSE"] as const;
export const NoteVisibilitySchema = z.enum(NOTE_VISIBILITIES);

const noteFields = {
  title: titleField(NOTE_LIMITS.title),
  body: markdownField(NOTE_LIMITS.body, { required: false }),
  visibility: NoteVisibilitySchema.default("PRIVATE"),
};

/** A note about a lesson, or about that lesson's clinical case. */
export const CreateNoteSchema = z.object({ lessonId: IdField, caseId: optionalIdField, ...noteFields });
export type CreateNoteInput = z.input<typeof CreateNoteSchema>;

export const UpdateNoteSchema = z.object({ noteId: IdField, ...noteFields });
export type UpdateNoteInput = z.input<typeof UpdateNoteSchema>;

export const DeleteNoteSchema = z.object({ noteId: IdField });
export type DeleteNoteInput = z.input<typeof DeleteNoteSchema>;

export const ListMyNotesSchema = z.object({
  q: z.preprocess((value) => (typeof value === "string" ? value.trim() : ""), z.string().max(NOTE_LIMITS.query)),
  courseId: optionalIdField,
  page: pageField,
});
export type ListMyNotesInput = z.input<typeof ListMyNotesSchema>;

export const ListNotesForLessonSchema = z.object({ lessonId: IdField });
export type ListNotesForLessonInput = z.input<typeof ListNotesForLessonSchema>;

/** One note, or all of the actor's notes in one course. */
export const ExportNotesSchema = z.union([
  z.object({ noteId: IdField, courseId: z.undefined().optional() }),
  z.object({ courseId: IdField, noteId: z.undefined().optional() }),
]);
export type ExportNotesInput = z.input<typeof ExportNotesSchema>;
