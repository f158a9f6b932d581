"use server";
import { revalidatePath } from "next/cache";
import { formToObject, runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { teacherCoursePath } from "./paths";
import { UpdateCourseIntroFormSchema } from "./schemas";
import { updateCourseIntro } from "./update-course-intro";

export async function updateCourseIntroAction(
  _prev: ActionResult<{ courseId: string }> | null,
  form: FormData,
): Promise<ActionResult<{ courseId: string }>> {
  const result = await runAction(UpdateCourseIntroFormSchema, formToObject(form), async (input) =>
    updateCourseIntro(await requireActor(), input),
  );
  if (result.ok) revalidatePath(teacherCoursePath(result.data.courseId), "layout");
  return result;
}
