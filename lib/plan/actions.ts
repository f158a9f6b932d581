"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formToObject, runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { teacherPlanPath } from "./paths";
import { savePlanVersion } from "./save-plan-version";
import { SavePlanVersionFormSchema } from "./schemas";

type SaveResult = ActionResult<{ id: string; lessonId: string; version: number }>;

/** A saved version shows on the teachers' plan pages and on the students' lesson pages (banner, changes). */
export async function savePlanVersionAction(_prev: SaveResult | null, form: FormData): Promise<SaveResult> {
  const result = await runAction(SavePlanVersionFormSchema, formToObject(form), async (input) =>
    savePlanVersion(await requireActor(), input),
  );
  if (!result.ok) return result;
  revalidatePath(`/teacher/lessons/${result.data.lessonId}`, "layout");
  revalidatePath(`/student/lessons/${result.data.lessonId}`, "layout");
  redirect(teacherPlanPath(result.data.lessonId));
}
