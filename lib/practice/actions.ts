"use server";
import { runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { answerPracticeQuestion } from "./answer-practice-question";
import type { PracticeFeedback } from "./save-practice-answer";
import { type AnswerPracticeInput, AnswerPracticeSchema } from "./schemas";

/**
 * Deliberately no revalidatePath: Next would re-render the page in this response, the server would pick the next
 * question and the feedback would vanish before it is read. The runner asks for the next question itself; the
 * mistake book is a dynamic page and is fresh whenever it is opened.
 */
export async function answerPracticeAction(input: AnswerPracticeInput): Promise<ActionResult<PracticeFeedback>> {
  return runAction(AnswerPracticeSchema, input, async (data) => answerPracticeQuestion(await requireActor(), data));
}
