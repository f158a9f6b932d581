"use server";
import { revalidatePath } from "next/cache";
import { formToObject, runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { teacherCoursePath } from "@/lib/course/paths";
import type { ActionResult } from "@/lib/errors";
import { addStudent } from "./add-student";
import { createGroup } from "./create-group";
import { deleteGroup } from "./delete-group";
import { removeStudent } from "./remove-student";
import { renameGroup } from "./rename-group";
import {
  AddStudentSchema,
  CreateGroupSchema,
  DeleteGroupSchema,
  RemoveStudentSchema,
  RenameGroupSchema,
  SetClassSchema,
  SetGroupSchema,
} from "./schemas";
import { setStudentClass } from "./set-student-class";
import { setStudentGroup } from "./set-student-group";

type State = ActionResult | null;

const rosterPath = (courseId: string) => teacherCoursePath(courseId, "roster");

export async function addStudentAction(_prev: State, form: FormData): Promise<ActionResult> {
  return runAction(AddStudentSchema, formToObject(form), async (input) => {
    await addStudent(await requireActor(), input);
    revalidatePath(rosterPath(input.courseId));
  });
}

export async function removeStudentAction(_prev: State, form: FormData): Promise<ActionResult> {
  return runAction(RemoveStudentSchema, formToObject(form), async (input) => {
    await removeStudent(await requireActor(), input);
    revalidatePath(rosterPath(input.courseId));
  });
}

export async function setStudentGroupAction(_prev: State, form: FormData): Promise<ActionResult> {
  return runAction(SetGroupSchema, formToObject(form), async (input) => {
    await setStudentGroup(await requireActor(), input);
    revalidatePath(rosterPath(input.courseId));
  });
}

export async function setStudentClassAction(_prev: State, form: FormData): Promise<ActionResult> {
  return runAction(SetClassSchema, formToObject(form), async (input) => {
    await setStudentClass(await requireActor(), input);
    revalidatePath(rosterPath(input.courseId));
  });
}

export async function createGroupAction(_prev: State, form: FormData): Promise<ActionResult> {
  return runAction(CreateGroupSchema, formToObject(form), async (input) => {
    await createGroup(await requireActor(), input);
    revalidatePath(rosterPath(input.courseId));
  });
}

export async function renameGroupAction(_prev: State, form: FormData): Promise<ActionResult> {
  return runAction(RenameGroupSchema, formToObject(form), async (input) => {
    await renameGroup(await requireActor(), input);
    revalidatePath(rosterPath(input.courseId));
  });
}

export async function deleteGroupAction(_prev: State, form: FormData): Promise<ActionResult> {
  return runAction(DeleteGroupSchema, formToObject(form), async (input) => {
    await deleteGroup(await requireActor(), input);
    revalidatePath(rosterPath(input.courseId));
  });
}
