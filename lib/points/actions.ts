"use server";
import { revalidatePath } from "next/cache";
import { formToObject, runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { studentCoursePath, teacherCoursePath } from "@/lib/course/paths";
import type { ActionResult } from "@/lib/errors";
import { SetPointsEnabledSchema } from "./schemas";
import { setPointsEnabled } from "./set-points-enabled";

type SwitchResult = ActionResult<{ courseId: string; enabled: boolean }>;

export async function setPointsEnabledAction(_prev: SwitchResult | null, form: FormData): Promise<SwitchResult> {
  const result = await runAction(SetPointsEnabledSchema, formToObject(form), async (input) =>
    setPointsEnabled(await requireActor(), input),
  );
  if (result.ok) {
    revalidatePath(teacherCoursePath(result.data.courseId), "layout");
    revalidatePath(studentCoursePath(result.data.courseId, "points"));
  }
  return result;
}
