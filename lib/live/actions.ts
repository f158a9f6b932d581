"use server";
import { runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { answerTopic } from "./answer-topic";
import { checkIn } from "./check-in";
import { closeSignIn } from "./close-signin";
import { closeTopic } from "./close-topic";
import { getLiveState } from "./get-live-state";
import { getLostCounts } from "./get-lost-counts";
import { getSignInCode } from "./get-signin-code";
import { highlightAnswer, replyToAnswer } from "./highlight-answer";
import { openSignIn } from "./open-signin";
import { openTopic } from "./open-topic";
import { pressLost } from "./press-lost";
import {
  AnswerTopicSchema,
  CheckInSchema,
  HighlightAnswerSchema,
  LessonRefSchema,
  OpenSignInSchema,
  OpenTopicSchema,
  ReplyToAnswerSchema,
  TopicRefSchema,
} from "./schemas";

// The live screens talk over the socket while it is connected; these actions do the same work when it is not
// (and for clients without one). Results reach other screens through lib/live/publish.ts either way, so no page
// needs revalidating.

export async function getLiveStateAction(input: unknown) {
  return runAction(LessonRefSchema, input, async ({ lessonId }) => getLiveState(await requireActor(), lessonId));
}

export async function openSignInAction(input: unknown) {
  return runAction(OpenSignInSchema, input, async (data) => openSignIn(await requireActor(), data));
}

export async function closeSignInAction(input: unknown) {
  return runAction(LessonRefSchema, input, async (data) => closeSignIn(await requireActor(), data));
}

export async function getSignInCodeAction(input: unknown) {
  return runAction(LessonRefSchema, input, async (data) => getSignInCode(await requireActor(), data));
}

export async function checkInAction(input: unknown) {
  return runAction(CheckInSchema, input, async (data) => checkIn(await requireActor(), data));
}

export async function openTopicAction(input: unknown) {
  return runAction(OpenTopicSchema, input, async (data) => openTopic(await requireActor(), data));
}

export async function closeTopicAction(input: unknown) {
  return runAction(TopicRefSchema, input, async (data) => closeTopic(await requireActor(), data));
}

export async function answerTopicAction(input: unknown) {
  return runAction(AnswerTopicSchema, input, async (data) => answerTopic(await requireActor(), data));
}

export async function highlightAnswerAction(input: unknown) {
  return runAction(HighlightAnswerSchema, input, async (data) => highlightAnswer(await requireActor(), data));
}

export async function replyToAnswerAction(input: unknown) {
  return runAction(ReplyToAnswerSchema, input, async (data) => replyToAnswer(await requireActor(), data));
}

export async function pressLostAction(input: unknown) {
  return runAction(LessonRefSchema, input, async (data) => pressLost(await requireActor(), data));
}

export async function getLostCountsAction(input: unknown) {
  return runAction(LessonRefSchema, input, async (data) => getLostCounts(await requireActor(), data));
}
