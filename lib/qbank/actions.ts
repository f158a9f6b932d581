"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { IdSchema } from "@/lib/course/schemas";
import { teacherCoursePath } from "@/lib/course/paths";
import type { ActionResult } from "@/lib/errors";
import { archiveQuestion } from "./archive-question";
import { createQuestion } from "./create-question";
import { ArchiveQuestionSchema, CreateQuestionSchema } from "./schemas";
import { updateQuestion } from "./update-question";

type Saved = ActionResult<{ questionId: string; courseId: string }>;

// The editor sends its state as an object: a question's options and blanks do not fit flat form fields.
const SaveQuestionSchema = CreateQuestionSchema.extend({ questionId: IdSchema.optional() });

/** Creates (no questionId) or saves a question, then returns to the bank list. */
export async function saveQuestionAction(input: z.input<typeof SaveQuestionSchema>): Promise<Saved> {
  const result = await runAction(SaveQuestionSchema, input, async ({ questionId, ...data }) => {
    const actor = await requireActor();
    return questionId ? updateQuestion(actor, { ...data, questionId }) : createQuestion(actor, data);
  });
  if (!result.ok) return result;
  revalidatePath(teacherCoursePath(result.data.courseId, "bank"), "layout");
  redirect(teacherCoursePath(result.data.courseId, "bank"));
}

export async function archiveQuestionAction(input: z.input<typeof ArchiveQuestionSchema>): Promise<Saved> {
  const result = await runAction(ArchiveQuestionSchema, input, async (data) => archiveQuestion(await requireActor(), data));
  if (result.ok) revalidatePath(teacherCoursePath(result.data.courseId, "bank"), "layout");
  return result;
}
