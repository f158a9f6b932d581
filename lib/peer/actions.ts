"use server";
import { revalidatePath } from "next/cache";
import { formToObject, runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { submitCalibration } from "./calibration";
import { computeGrades } from "./compute-grades";
import { deleteExample, saveExample, saveReference } from "./examples";
import { flagReview, overrideGrade, releaseGrades, remindNonReviewers, resolveFlag } from "./grading-admin";
import { addReviewer, removeReviewer } from "./manage-reviewers";
import { studentPeerReviewPath, teacherPeerReviewPath, teacherPeerReviewsPath } from "./paths";
import { allocateNow } from "./run-allocation";
import { saveAssessment } from "./save-assessment";
import { savePeerReview } from "./save-peer-review";
import {
  ActivityRefSchema,
  ExampleAssessmentFormSchema,
  ExampleRefSchema,
  FlagReviewSchema,
  OverrideGradeFormSchema,
  ReleaseSchema,
  RemoveReviewerSchema,
  ResolveFlagSchema,
  ReviewerChangeSchema,
  SaveAssessmentFormSchema,
  SaveExampleFormSchema,
  SavePeerReviewFormSchema,
  SwitchPhaseSchema,
} from "./schemas";
import { switchPhase } from "./switch-phase";

interface Changed {
  courseId: string;
  activityId: string;
}

type Result<T> = ActionResult<T>;

/** A change shows on the teacher's pages and on the students' page of the activity. */
function refresh<T extends Changed>(result: Result<T>): Result<T> {
  if (result.ok) {
    revalidatePath(teacherPeerReviewsPath(result.data.courseId));
    revalidatePath(teacherPeerReviewPath(result.data.courseId, result.data.activityId));
    revalidatePath(studentPeerReviewPath(result.data.activityId));
  }
  return result;
}

const form = formToObject;

export async function savePeerReviewAction(_prev: Result<Changed> | null, data: FormData): Promise<Result<Changed>> {
  return refresh(await runAction(SavePeerReviewFormSchema, form(data), async (input) => savePeerReview(await requireActor(), input)));
}

export async function switchPhaseAction(_prev: Result<Changed & { autoSwitchOff: boolean }> | null, data: FormData) {
  return refresh(await runAction(SwitchPhaseSchema, form(data), async (input) => switchPhase(await requireActor(), input)));
}

export async function allocateNowAction(_prev: Result<Changed & { created: number }> | null, data: FormData) {
  return refresh(await runAction(ActivityRefSchema, form(data), async (input) => allocateNow(await requireActor(), input)));
}

export async function saveExampleAction(_prev: Result<Changed & { exampleId: string }> | null, data: FormData) {
  return refresh(await runAction(SaveExampleFormSchema, form(data), async (input) => saveExample(await requireActor(), input)));
}

export async function deleteExampleAction(_prev: Result<Changed> | null, data: FormData) {
  return refresh(await runAction(ExampleRefSchema, form(data), async (input) => deleteExample(await requireActor(), input)));
}

export async function saveReferenceAction(_prev: Result<Changed & { exampleId: string }> | null, data: FormData) {
  return refresh(await runAction(ExampleAssessmentFormSchema, form(data), async (input) => saveReference(await requireActor(), input)));
}

export async function addReviewerAction(_prev: Result<Changed & { warning: "same_group" | null }> | null, data: FormData) {
  return refresh(await runAction(ReviewerChangeSchema, form(data), async (input) => addReviewer(await requireActor(), input)));
}

export async function removeReviewerAction(_prev: Result<Changed> | null, data: FormData) {
  return refresh(await runAction(RemoveReviewerSchema, form(data), async (input) => removeReviewer(await requireActor(), input)));
}

export async function computeGradesAction(_prev: Result<Changed & { graded: number; ungraded: number }> | null, data: FormData) {
  return refresh(await runAction(ActivityRefSchema, form(data), async (input) => computeGrades(await requireActor(), input)));
}

export async function overrideGradeAction(_prev: Result<Changed> | null, data: FormData) {
  return refresh(await runAction(OverrideGradeFormSchema, form(data), async (input) => overrideGrade(await requireActor(), input)));
}

export async function releaseGradesAction(_prev: Result<Changed & { released: boolean }> | null, data: FormData) {
  return refresh(await runAction(ReleaseSchema, form(data), async (input) => releaseGrades(await requireActor(), input)));
}

export async function resolveFlagAction(_prev: Result<Changed> | null, data: FormData) {
  return refresh(await runAction(ResolveFlagSchema, form(data), async (input) => resolveFlag(await requireActor(), input)));
}

export async function remindAction(_prev: Result<Changed & { reminded: number }> | null, data: FormData) {
  return refresh(await runAction(ActivityRefSchema, form(data), async (input) => remindNonReviewers(await requireActor(), input)));
}

// Student actions return only what the student may know (never ids of other people).

export async function submitCalibrationAction(_prev: Result<{ closeness: number | null; passed: boolean }> | null, data: FormData) {
  const result = refresh(await runAction(ExampleAssessmentFormSchema, form(data), async (input) => submitCalibration(await requireActor(), input)));
  return result.ok ? { ok: true as const, data: { closeness: result.data.closeness, passed: result.data.passed } } : result;
}

export async function saveAssessmentAction(_prev: Result<{ submitted: boolean }> | null, data: FormData) {
  const result = refresh(await runAction(SaveAssessmentFormSchema, form(data), async (input) => saveAssessment(await requireActor(), input)));
  return result.ok ? { ok: true as const, data: { submitted: result.data.submitted } } : result;
}

export async function flagReviewAction(_prev: Result<null> | null, data: FormData) {
  const result = refresh(await runAction(FlagReviewSchema, form(data), async (input) => flagReview(await requireActor(), input)));
  return result.ok ? { ok: true as const, data: null } : result;
}
