"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formToObject, runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { createEvaluation } from "./create-evaluation";
import { studentEvaluationPath, teacherEvaluationPath, teacherEvaluationsPath } from "./paths";
import { CreateEvaluationFormSchema, SubmitEvaluationFormSchema, UpdateEvaluationFormSchema } from "./schemas";
import { submitEvaluation } from "./submit-evaluation";
import { updateEvaluation } from "./update-evaluation";

type EvaluationResult = ActionResult<{ courseId: string; evaluationId: string }>;

export async function createEvaluationAction(_prev: EvaluationResult | null, form: FormData): Promise<EvaluationResult> {
  const result = await runAction(CreateEvaluationFormSchema, formToObject(form), async (input) =>
    createEvaluation(await requireActor(), input),
  );
  if (result.ok) {
    revalidatePath(teacherEvaluationsPath(result.data.courseId));
    redirect(teacherEvaluationPath(result.data.courseId, result.data.evaluationId));
  }
  return result;
}

export async function updateEvaluationAction(_prev: EvaluationResult | null, form: FormData): Promise<EvaluationResult> {
  const result = await runAction(UpdateEvaluationFormSchema, formToObject(form), async (input) =>
    updateEvaluation(await requireActor(), input),
  );
  if (result.ok) {
    revalidatePath(teacherEvaluationsPath(result.data.courseId), "layout");
    revalidatePath(studentEvaluationPath(result.data.evaluationId));
  }
  return result;
}

export async function submitEvaluationAction(_prev: EvaluationResult | null, form: FormData): Promise<EvaluationResult> {
  const result = await runAction(SubmitEvaluationFormSchema, formToObject(form), async (input) =>
    submitEvaluation(await requireActor(), input),
  );
  if (result.ok) revalidatePath(studentEvaluationPath(result.data.evaluationId));
  return result;
}
