"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formToObject, runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { IdSchema } from "@/lib/course/schemas";
import type { ActionResult } from "@/lib/errors";
import { searchBank } from "./bank-questions";
import { createQuiz } from "./create-quiz";
import { deleteQuiz } from "./delete-quiz";
import { markAnswer } from "./marking";
import { studentAttemptPath, studentQuizPath, teacherQuizPath, teacherQuizzesPath } from "./paths";
import { publishQuiz } from "./publish-quiz";
import { saveAnswer } from "./save-answer";
import {
  AttemptRefSchema,
  BankFilterSchema,
  CreateQuizFormSchema,
  MarkAnswerFormSchema,
  QuizRefSchema,
  SaveAnswerSchema,
  SetQuizItemsFormSchema,
  UpdateQuizFormSchema,
} from "./schemas";
import { setQuizItems } from "./set-quiz-items";
import { startAttempt } from "./start-attempt";
import { submitAttempt } from "./submit-attempt";
import { unpublishQuiz } from "./unpublish-quiz";
import { updateQuiz } from "./update-quiz";

type QuizResult = ActionResult<{ quizId: string; courseId: string }>;

/** A teacher's change shows in the course's quiz list, on the quiz's pages and on the students' quiz page. */
function afterTeacherChange(result: QuizResult): QuizResult {
  if (result.ok) {
    revalidatePath(teacherQuizzesPath(result.data.courseId));
    revalidatePath(teacherQuizPath(result.data.courseId, result.data.quizId));
    revalidatePath(studentQuizPath(result.data.quizId));
  }
  return result;
}

export async function createQuizAction(_prev: QuizResult | null, form: FormData): Promise<QuizResult> {
  const result = await runAction(CreateQuizFormSchema, formToObject(form), async (input) => createQuiz(await requireActor(), input));
  if (result.ok) {
    revalidatePath(teacherQuizzesPath(result.data.courseId));
    redirect(teacherQuizPath(result.data.courseId, result.data.quizId));
  }
  return result;
}

export async function updateQuizAction(_prev: QuizResult | null, form: FormData): Promise<QuizResult> {
  return afterTeacherChange(await runAction(UpdateQuizFormSchema, formToObject(form), async (input) => updateQuiz(await requireActor(), input)));
}

export async function setQuizItemsAction(_prev: QuizResult | null, form: FormData): Promise<QuizResult> {
  return afterTeacherChange(await runAction(SetQuizItemsFormSchema, formToObject(form), async (input) => setQuizItems(await requireActor(), input)));
}

export async function publishQuizAction(_prev: QuizResult | null, form: FormData): Promise<QuizResult> {
  return afterTeacherChange(await runAction(QuizRefSchema, formToObject(form), async (input) => publishQuiz(await requireActor(), input)));
}

export async function unpublishQuizAction(_prev: QuizResult | null, form: FormData): Promise<QuizResult> {
  return afterTeacherChange(await runAction(QuizRefSchema, formToObject(form), async (input) => unpublishQuiz(await requireActor(), input)));
}

export async function deleteQuizAction(_prev: QuizResult | null, form: FormData): Promise<QuizResult> {
  const result = await runAction(QuizRefSchema, formToObject(form), async (input) => deleteQuiz(await requireActor(), input));
  if (result.ok) {
    revalidatePath(teacherQuizzesPath(result.data.courseId));
    redirect(teacherQuizzesPath(result.data.courseId));
  }
  return result;
}

const SearchBankSchema = z.object({ courseId: IdSchema, filter: BankFilterSchema });

/** The question picker's search, called from the item editor without leaving the page. */
export async function searchBankAction(input: unknown) {
  return runAction(SearchBankSchema, input, async ({ courseId, filter }) => searchBank(await requireActor(), courseId, filter));
}

export async function markAnswerAction(_prev: ActionResult<{ attemptScore: number | null }> | null, form: FormData) {
  const result = await runAction(MarkAnswerFormSchema, formToObject(form), async (input) => markAnswer(await requireActor(), input));
  if (!result.ok) return result;
  revalidatePath(teacherQuizPath(result.data.courseId, result.data.quizId, "marking"));
  revalidatePath(teacherQuizPath(result.data.courseId, result.data.quizId, "results"));
  return { ok: true as const, data: { attemptScore: result.data.attemptScore } };
}

// ── students ──────────────────────────────────────────────────────────────────────────────────────────────────

/** Starts (or resumes) an attempt and opens it. */
export async function startAttemptAction(_prev: ActionResult<{ attemptId: string }> | null, form: FormData): Promise<ActionResult<{ attemptId: string }>> {
  const result = await runAction(QuizRefSchema, formToObject(form), async (input) => startAttempt(await requireActor(), input));
  if (!result.ok) return result;
  revalidatePath(studentQuizPath(result.data.quizId));
  redirect(studentAttemptPath(result.data.quizId, result.data.attemptId));
}

/** Saves one answer as the student changes it; nothing to revalidate (the attempt page reads fresh on reload). */
export async function saveAnswerAction(input: unknown) {
  return runAction(SaveAnswerSchema, input, async (data) => saveAnswer(await requireActor(), data));
}

/**
 * Submits the attempt. No revalidatePath: inside an action it re-renders the attempt page into the response, which a
 * class submitting at the close would pay 500 times; the attempt runner navigates to the quiz page and refreshes.
 */
export async function submitAttemptAction(input: unknown) {
  return runAction(AttemptRefSchema, input, async (data) => submitAttempt(await requireActor(), data));
}
