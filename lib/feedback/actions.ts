"use server";
import { revalidatePath } from "next/cache";
import { formToObject, runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { teacherFeedbackPath, teacherPlanPath } from "@/lib/plan/paths";
import { TagFeedbackSchema } from "./schemas";
import { tagFeedback } from "./tag-feedback";
import { untagFeedback } from "./untag-feedback";

type State = ActionResult | null;

/** Tags show on the summary and next to the feedback the plan editor offers as causes. */
function revalidateTags(lessonId: string) {
  revalidatePath(teacherFeedbackPath(lessonId));
  revalidatePath(teacherPlanPath(lessonId, "new"));
}

export async function tagFeedbackAction(_prev: State, form: FormData): Promise<ActionResult> {
  return runAction(TagFeedbackSchema, formToObject(form), async (input) => {
    revalidateTags((await tagFeedback(await requireActor(), input)).lessonId);
  });
}

export async function untagFeedbackAction(_prev: State, form: FormData): Promise<ActionResult> {
  return runAction(TagFeedbackSchema, formToObject(form), async (input) => {
    revalidateTags((await untagFeedback(await requireActor(), input)).lessonId);
  });
}
