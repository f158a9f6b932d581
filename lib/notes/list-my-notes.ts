import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { coursesOfMember, getCourseMembership } from "@/lib/threads/membership";
import { NOTE_LIST_SELECT, type NoteListItem } from "./note-select";
import { type ListMyNotesInput, ListMyNotesSchema, NOTE_LIMITS } from "./schemas";

export interface MyNotesPage {
  items: NoteListItem[];
  total: number;
  page: number;
  pageCount: number;
  /** The courses the actor belongs to, for the course filter. */
  courses: { id: string; code: string; title: string }[];
}

/** Prisma passes `contains` into ILIKE as is: escape its wildcards so that "100%" finds "100%", not everything. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/** The actor's own notes in the courses they belong to, newest first; `q` matches title or body, ignoring case. */
export async function listMyNotes(actor: Actor, input: ListMyNotesInput): Promise<MyNotesPage> {
  const data = ListMyNotesSchema.parse(input);
  const scope: Prisma.NoteWhereInput = data.courseId
    ? { courseId: (await getCourseMembership(actor, data.courseId)).courseId }
    : { course: coursesOfMember(actor) };
  const pattern = likeLiteral(data.q);
  const where: Prisma.NoteWhereInput = {
    authorId: actor.id,
    ...scope,
    ...(pattern && {
      OR: [{ title: { contains: pattern, mode: "insensitive" } }, { body: { contains: pattern, mode: "insensitive" } }],
    }),
  };
  const [total, items, courses] = await Promise.all([
    db.note.count({ where }),
    db.note.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (data.page - 1) * NOTE_LIMITS.pageSize,
      take: NOTE_LIMITS.pageSize,
      select: NOTE_LIST_SELECT,
    }),
    db.course.findMany({ where: coursesOfMember(actor), orderBy: [{ term: "desc" }, { code: "asc" }], select: { id: true, code: true, title: true } }),
  ]);
  return { items, total, page: data.page, pageCount: Math.max(1, Math.ceil(total / NOTE_LIMITS.pageSize)), courses };
}
