"use server";
import { revalidatePath } from "next/cache";
import { formToObject, runAction } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { createThread } from "./create-thread";
import { editPost } from "./edit-post";
import { editThread } from "./edit-thread";
import { markAnswer } from "./mark-answer";
import { pathsShowingThread } from "./paths";
import { replyToThread } from "./reply-to-thread";
import {
  CreateThreadSchema,
  EditPostSchema,
  EditThreadSchema,
  MarkAnswerSchema,
  ReplyToThreadSchema,
  SetHiddenSchema,
  SetThreadPinnedSchema,
} from "./schemas";
import { setHidden } from "./set-hidden";
import { setThreadPinned } from "./set-thread-pinned";

type State = ActionResult | null;

const revalidate = (target: { courseId: string; lessonId: string | null; threadId?: string }) =>
  pathsShowingThread(target).forEach((path) => revalidatePath(path));

export async function createThreadAction(_prev: State, form: FormData): Promise<ActionResult> {
  return runAction(CreateThreadSchema, formToObject(form), async (input) => {
    const thread = await createThread(await requireActor(), input);
    revalidate(thread);
  });
}

export async function replyToThreadAction(_prev: State, form: FormData): Promise<ActionResult> {
  return runAction(ReplyToThreadSchema, formToObject(form), async (input) => {
    revalidate(await replyToThread(await requireActor(), input));
  });
}

export async function editThreadAction(_prev: State, form: FormData): Promise<ActionResult> {
  return runAction(EditThreadSchema, formToObject(form), async (input) => {
    revalidate(await editThread(await requireActor(), input));
  });
}

export async function editPostAction(_prev: State, form: FormData): Promise<ActionResult> {
  return runAction(EditPostSchema, formToObject(form), async (input) => {
    revalidate(await editPost(await requireActor(), input));
  });
}

export async function setThreadPinnedAction(_prev: State, form: FormData): Promise<ActionResult> {
  return runAction(SetThreadPinnedSchema, formToObject(form), async (input) => {
    revalidate(await setThreadPinned(await requireActor(), input));
  });
}

export async function markAnswerAction(_prev: State, form: FormData): Promise<ActionResult> {
  return runAction(MarkAnswerSchema, formToObject(form), async (input) => {
    revalidate(await markAnswer(await requireActor(), input));
  });
}

export async function setHiddenAction(_prev: State, form: FormData): Promise<ActionResult> {
  return runAction(SetHiddenSchema, formToObject(form), async (input) => {
    revalidate(await setHidden(await requireActor(), input));
  });
}
