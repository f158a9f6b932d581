"use server";
import { revalidatePath } from "next/cache";
import { formToObject, runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { createNote } from "./create-note";
import { deleteNote } from "./delete-note";
import { lessonAfterPaths, studentNotesPath } from "./paths";
import { CreateNoteSchema, DeleteNoteSchema, UpdateNoteSchema } from "./schemas";
import { updateNote } from "./update-note";

type State = ActionResult | null;

function revalidateNotes(lessonId: string | null) {
  revalidatePath(studentNotesPath);
  if (lessonId) lessonAfterPaths(lessonId).forEach((path) => revalidatePath(path));
}

export async function createNoteAction(_prev: State, form: FormData): Promise<ActionResult> {
  return runAction(CreateNoteSchema, formToObject(form), async (input) => {
    const note = await createNote(await requireActor(), input);
    revalidateNotes(note.lessonId);
  });
}

export async function updateNoteAction(_prev: State, form: FormData): Promise<ActionResult> {
  return runAction(UpdateNoteSchema, formToObject(form), async (input) => {
    const note = await updateNote(await requireActor(), input);
    revalidateNotes(note.lessonId);
  });
}

export async function deleteNoteAction(_prev: State, form: FormData): Promise<ActionResult> {
  return runAction(DeleteNoteSchema, formToObject(form), async (input) => {
    const note = await deleteNote(await requireActor(), input);
    revalidateNotes(note.lessonId);
  });
}
