"use server";
import { revalidatePath } from "next/cache";
import { formToObject, runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { answerStage } from "./answer-stage";
import { deleteAttachment } from "./delete-attachment";
import { studentPrePath, teacherPrepPath } from "./paths";
import { publishPackage } from "./publish-package";
import { savePackage } from "./save-package";
import {
  AnswerStageSchema,
  AttachmentRefSchema,
  LessonRefSchema,
  PublishPackageSchema,
  SavePackageFormSchema,
  SubmitFeedbackFormSchema,
} from "./schemas";
import { submitFeedback } from "./submit-feedback";
import { unpublishPackage } from "./unpublish-package";

type LessonResult = ActionResult<{ lessonId: string }>;

/** A teacher's change shows on the prep page and on the students' pre-class tab. */
function afterTeacherChange<T extends { lessonId: string }>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok) {
    revalidatePath(teacherPrepPath(result.data.lessonId));
    revalidatePath(studentPrePath(result.data.lessonId));
  }
  return result;
}

function afterStudentChange(result: LessonResult): LessonResult {
  if (result.ok) revalidatePath(studentPrePath(result.data.lessonId));
  return result;
}

export async function savePackageAction(
  _prev: ActionResult<{ lessonId: string; stageIds?: string[] }> | null,
  form: FormData,
): Promise<ActionResult<{ lessonId: string; stageIds?: string[] }>> {
  return afterTeacherChange(
    await runAction(SavePackageFormSchema, formToObject(form), async (input) => {
      const { lessonId, stageIds } = await savePackage(await requireActor(), input);
      return { lessonId, stageIds };
    }),
  );
}

export async function publishPackageAction(_prev: LessonResult | null, form: FormData): Promise<LessonResult> {
  return afterTeacherChange(
    await runAction(PublishPackageSchema, formToObject(form), async (input) => {
      const { lessonId } = await publishPackage(await requireActor(), input);
      return { lessonId };
    }),
  );
}

export async function unpublishPackageAction(_prev: LessonResult | null, form: FormData): Promise<LessonResult> {
  return afterTeacherChange(
    await runAction(LessonRefSchema, formToObject(form), async (input) => unpublishPackage(await requireActor(), input)),
  );
}

export async function deleteAttachmentAction(_prev: LessonResult | null, form: FormData): Promise<LessonResult> {
  return afterTeacherChange(
    await runAction(AttachmentRefSchema, formToObject(form), async (input) => deleteAttachment(await requireActor(), input)),
  );
}

export async function answerStageAction(_prev: LessonResult | null, form: FormData): Promise<LessonResult> {
  return afterStudentChange(
    await runAction(AnswerStageSchema, formToObject(form), async (input) => answerStage(await requireActor(), input)),
  );
}

export async function submitFeedbackAction(_prev: LessonResult | null, form: FormData): Promise<LessonResult> {
  return afterStudentChange(
    await runAction(SubmitFeedbackFormSchema, formToObject(form), async (input) => {
      const { lessonId } = await submitFeedback(await requireActor(), input);
      return { lessonId };
    }),
  );
}
