"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formToObject, runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { studentCoursePath, teacherCoursePath } from "@/lib/course/paths";
import type { ActionResult } from "@/lib/errors";
import { deleteHomework } from "./delete-homework";
import { grantExtension, removeExtension } from "./extensions";
import { gradeSubmission } from "./grade-submission";
import { studentHomeworkPath, teacherHomeworkPath } from "./paths";
import { publishHomework } from "./publish-homework";
import { releaseGrades } from "./release-grades";
import { saveHomework } from "./save-homework";
import {
  GradeSubmissionFormSchema,
  GrantExtensionSchema,
  HomeworkRefSchema,
  ReleaseGradesSchema,
  RemoveExtensionSchema,
  SaveHomeworkFormSchema,
} from "./schemas";

type HomeworkResult = ActionResult<{ courseId: string; homeworkId: string }>;

/** A change shows on the course's homework pages, the gradebook and the students' homework page. */
function afterChange<T extends { courseId: string; homeworkId: string }>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok) {
    revalidatePath(teacherCoursePath(result.data.courseId, "homework"), "layout");
    revalidatePath(teacherCoursePath(result.data.courseId, "gradebook"));
    revalidatePath(studentHomeworkPath(result.data.homeworkId));
    revalidatePath(studentCoursePath(result.data.courseId, "grades"));
  }
  return result;
}

/** A new homework opens its own page; an edited one stays where it is. */
export async function saveHomeworkAction(_prev: HomeworkResult | null, form: FormData): Promise<HomeworkResult> {
  const isNew = !form.get("homeworkId");
  const result = afterChange(
    await runAction(SaveHomeworkFormSchema, formToObject(form), async (input) => saveHomework(await requireActor(), input)),
  );
  if (result.ok && isNew) redirect(teacherHomeworkPath(result.data.courseId, result.data.homeworkId));
  return result;
}

export async function publishHomeworkAction(_prev: HomeworkResult | null, form: FormData): Promise<HomeworkResult> {
  return afterChange(await runAction(HomeworkRefSchema, formToObject(form), async (input) => publishHomework(await requireActor(), input)));
}

export async function deleteHomeworkAction(_prev: ActionResult<{ courseId: string }> | null, form: FormData): Promise<ActionResult<{ courseId: string }>> {
  const result = await runAction(HomeworkRefSchema, formToObject(form), async (input) => deleteHomework(await requireActor(), input));
  if (result.ok) {
    revalidatePath(teacherCoursePath(result.data.courseId, "homework"));
    redirect(teacherCoursePath(result.data.courseId, "homework"));
  }
  return result;
}

export async function releaseGradesAction(_prev: HomeworkResult | null, form: FormData): Promise<HomeworkResult> {
  return afterChange(await runAction(ReleaseGradesSchema, formToObject(form), async (input) => releaseGrades(await requireActor(), input)));
}

export async function grantExtensionAction(_prev: HomeworkResult | null, form: FormData): Promise<HomeworkResult> {
  return afterChange(await runAction(GrantExtensionSchema, formToObject(form), async (input) => grantExtension(await requireActor(), input)));
}

export async function removeExtensionAction(_prev: HomeworkResult | null, form: FormData): Promise<HomeworkResult> {
  return afterChange(await runAction(RemoveExtensionSchema, formToObject(form), async (input) => removeExtension(await requireActor(), input)));
}

export async function gradeSubmissionAction(
  _prev: ActionResult<{ courseId: string; homeworkId: string; score: number }> | null,
  form: FormData,
): Promise<ActionResult<{ courseId: string; homeworkId: string; score: number }>> {
  return afterChange(
    await runAction(GradeSubmissionFormSchema, formToObject(form), async (input) => {
      const { courseId, homeworkId, score } = await gradeSubmission(await requireActor(), input);
      return { courseId, homeworkId, score };
    }),
  );
}
