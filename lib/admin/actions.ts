"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formToObject, runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { assignCourseTeacher } from "./assign-course-teacher";
import { changeCourseTeacherRole } from "./change-course-teacher-role";
import { createCourse } from "./create-course";
import { createDepartment } from "./create-department";
import { createUser } from "./create-user";
import { deleteDepartment } from "./delete-department";
import { removeCourseTeacher } from "./remove-course-teacher";
import { renameDepartment } from "./rename-department";
import { resetUserPassword } from "./reset-user-password";
import {
  AssignCourseTeacherSchema,
  CreateCourseSchema,
  CreateDepartmentSchema,
  CreateUserSchema,
  DeleteDepartmentSchema,
  RemoveCourseTeacherSchema,
  RenameDepartmentSchema,
  ResetUserPasswordSchema,
  SetCourseArchivedSchema,
  SetUserDisabledSchema,
  UpdateCourseSchema,
  UpdateUserSchema,
} from "./schemas";
import { setCourseArchived } from "./set-course-archived";
import { setUserDisabled } from "./set-user-disabled";
import { updateCourse } from "./update-course";
import { updateUser } from "./update-user";

type Prev = ActionResult<unknown> | null;

// Counts, lists and detail pages of the whole portal depend on every change made here.
const refreshAdmin = <T>(result: ActionResult<T>): ActionResult<T> => {
  if (result.ok) revalidatePath("/admin", "layout");
  return result;
};

export async function createDepartmentAction(_prev: Prev, form: FormData): Promise<ActionResult> {
  return refreshAdmin(
    await runAction(CreateDepartmentSchema, formToObject(form), async (input) => {
      await createDepartment(await requireActor(), input);
    }),
  );
}

export async function renameDepartmentAction(_prev: Prev, form: FormData): Promise<ActionResult> {
  return refreshAdmin(
    await runAction(RenameDepartmentSchema, formToObject(form), async (input) => {
      await renameDepartment(await requireActor(), input);
    }),
  );
}

export async function deleteDepartmentAction(_prev: Prev, form: FormData): Promise<ActionResult> {
  return refreshAdmin(
    await runAction(DeleteDepartmentSchema, formToObject(form), async (input) => deleteDepartment(await requireActor(), input)),
  );
}

export async function createCourseAction(_prev: Prev, form: FormData): Promise<ActionResult> {
  const result = refreshAdmin(
    await runAction(CreateCourseSchema, formToObject(form), async (input) => (await createCourse(await requireActor(), input)).id),
  );
  if (result.ok) redirect(`/admin/courses/${result.data}`);
  return result;
}

export async function updateCourseAction(_prev: Prev, form: FormData): Promise<ActionResult> {
  return refreshAdmin(
    await runAction(UpdateCourseSchema, formToObject(form), async (input) => {
      await updateCourse(await requireActor(), input);
    }),
  );
}

export async function setCourseArchivedAction(_prev: Prev, form: FormData): Promise<ActionResult> {
  return refreshAdmin(
    await runAction(SetCourseArchivedSchema, formToObject(form), async (input) => setCourseArchived(await requireActor(), input)),
  );
}

export async function assignCourseTeacherAction(_prev: Prev, form: FormData): Promise<ActionResult> {
  return refreshAdmin(
    await runAction(AssignCourseTeacherSchema, formToObject(form), async (input) => {
      await assignCourseTeacher(await requireActor(), input);
    }),
  );
}

export async function changeCourseTeacherRoleAction(_prev: Prev, form: FormData): Promise<ActionResult> {
  return refreshAdmin(
    await runAction(AssignCourseTeacherSchema, formToObject(form), async (input) => changeCourseTeacherRole(await requireActor(), input)),
  );
}

export async function removeCourseTeacherAction(_prev: Prev, form: FormData): Promise<ActionResult> {
  return refreshAdmin(
    await runAction(RemoveCourseTeacherSchema, formToObject(form), async (input) => removeCourseTeacher(await requireActor(), input)),
  );
}

export interface CreatedAccount {
  id: string;
  no: string;
  name: string;
  temporaryPassword: string;
}

export async function createUserAction(_prev: Prev, form: FormData): Promise<ActionResult<CreatedAccount>> {
  return refreshAdmin(
    await runAction(CreateUserSchema, formToObject(form), async (input) => {
      const { user, temporaryPassword } = await createUser(await requireActor(), input);
      return { id: user.id, no: user.no, name: user.name, temporaryPassword };
    }),
  );
}

export async function updateUserAction(_prev: Prev, form: FormData): Promise<ActionResult> {
  return refreshAdmin(
    await runAction(UpdateUserSchema, formToObject(form), async (input) => {
      await updateUser(await requireActor(), input);
    }),
  );
}

export async function setUserDisabledAction(_prev: Prev, form: FormData): Promise<ActionResult> {
  return refreshAdmin(
    await runAction(SetUserDisabledSchema, formToObject(form), async (input) => setUserDisabled(await requireActor(), input)),
  );
}

export async function resetUserPasswordAction(_prev: Prev, form: FormData): Promise<ActionResult<{ temporaryPassword: string }>> {
  return refreshAdmin(
    await runAction(ResetUserPasswordSchema, formToObject(form), async (input) => resetUserPassword(await requireActor(), input)),
  );
}
