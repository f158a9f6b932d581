"use server";
import { runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import type { PracticeFeedback } from "@/lib/practice/save-practice-answer";
import { answerReviewItem } from "./answer-review-item";
import { type AnswerReviewInput, AnswerReviewSchema } from "./schemas";

/** No revalidatePath, for the reason given at answerPracticeAction: the feedback must stay until "next". */
export async function answerReviewAction(input: AnswerReviewInput): Promise<ActionResult<PracticeFeedback>> {
  return runAction(AnswerReviewSchema, input, async (data) => answerReviewItem(await requireActor(), data));
}
