import type { Prisma } from "@/generated/prisma/client";

/** What a note list shows. */
export const NOTE_LIST_SELECT = {
  id: true,
  title: true,
  body: true,
  visibility: true,
  authorId: true,
  caseId: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { name: true } },
  course: { select: { id: true, code: true, title: true } },
  lesson: { select: { id: true, position: true, title: true } },
} satisfies Prisma.NoteSelect;

export type NoteListItem = Prisma.NoteGetPayload<{ select: typeof NOTE_LIST_SELECT }>;
