"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formToObject, runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { teacherCoursePath } from "@/lib/course/paths";
import type { ActionResult } from "@/lib/errors";
import { createLesson } from "./create-lesson";
import { deleteLesson } from "./delete-lesson";
import { moveLesson } from "./move-lesson";
import { CreateLessonFormSchema, LessonRefSchema, MoveLessonSchema, UpdateLessonFormSchema } from "./schemas";
import { updateLesson } from "./update-lesson";

type CourseResult = ActionResult<{ courseId: string }>;

/** After a change the course's pages show the new lessons; a saved form goes back to the list. */
function afterChange(result: CourseResult, backToList: boolean): CourseResult {
  if (!result.ok) return result;
  const lessonsPath = teacherCoursePath(result.data.courseId, "lessons");
  revalidatePath(teacherCoursePath(result.data.courseId), "layout");
  if (backToList) redirect(lessonsPath);
  return result;
}

export async function createLessonAction(_prev: CourseResult | null, form: FormData): Promise<CourseResult> {
  const result = await runAction(CreateLessonFormSchema, formToObject(form), async (input) =>
    createLesson(await requireActor(), input),
  );
  return afterChange(result, true);
}

export async function updateLessonAction(_prev: CourseResult | null, form: FormData): Promise<CourseResult> {
  const result = await runAction(UpdateLessonFormSchema, formToObject(form), async (input) =>
    updateLesson(await requireActor(), input),
  );
  return afterChange(result, true);
}

export async function moveLessonAction(_prev: CourseResult | null, form: FormData): Promise<CourseResult> {
  const result = await runAction(MoveLessonSchema, formToObject(form), async (input) =>
    moveLesson(await requireActor(), input),
  );
  return afterChange(result, false);
}

export async function deleteLessonAction(_prev: CourseResult | null, form: FormData): Promise<CourseResult> {
  const result = await runAction(LessonRefSchema, formToObject(form), async (input) =>
    deleteLesson(await requireActor(), input),
  );
  return afterChange(result, false);
}
