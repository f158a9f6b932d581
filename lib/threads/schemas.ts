import { z } from "zod";
import { booleanField, IdField, markdownField, optionalIdField, pageField, titleField } from "./form-fields";

export const THREAD_LIMITS = { title: 100, body: 20_000, post: 10_000, pageSize: 20 } as const;

/** Course-wide, or only for one 小组 (a student's own group; staff choose the group). */
export const ThreadScopeSchema = z.enum(["COURSE", "GROUP"]);

export const CreateThreadSchema = z.object({
  courseId: IdField,
  lessonId: optionalIdField,
  caseId: optionalIdField,
  scope: ThreadScopeSchema.default("COURSE"),
  groupId: optionalIdField,
  title: titleField(THREAD_LIMITS.title),
  body: markdownField(THREAD_LIMITS.body, { required: true }),
});
export type CreateThreadInput = z.input<typeof CreateThreadSchema>;

export const EditThreadSchema = z.object({
  threadId: IdField,
  title: titleField(THREAD_LIMITS.title),
  body: markdownField(THREAD_LIMITS.body, { required: true }),
});
export type EditThreadInput = z.input<typeof EditThreadSchema>;

export const ReplyToThreadSchema = z.object({ threadId: IdField, body: markdownField(THREAD_LIMITS.post, { required: true }) });
export type ReplyToThreadInput = z.input<typeof ReplyToThreadSchema>;

export const EditPostSchema = z.object({ postId: IdField, body: markdownField(THREAD_LIMITS.post, { required: true }) });
export type EditPostInput = z.input<typeof EditPostSchema>;

export const SetThreadPinnedSchema = z.object({ threadId: IdField, pinned: booleanField });
export type SetThreadPinnedInput = z.input<typeof SetThreadPinnedSchema>;

/** Marks a reply as the thread's answer, or (answer=false) takes the mark away. */
export const MarkAnswerSchema = z.object({ postId: IdField, answer: booleanField });
export type MarkAnswerInput = z.input<typeof MarkAnswerSchema>;

export const SetHiddenSchema = z.object({ kind: z.enum(["thread", "post"]), id: IdField, hidden: booleanField });
export type SetHiddenInput = z.input<typeof SetHiddenSchema>;

export const ListThreadsSchema = z.object({ courseId: IdField, lessonId: optionalIdField, page: pageField });
export type ListThreadsInput = z.input<typeof ListThreadsSchema>;

export const GetThreadSchema = z.object({ threadId: IdField });
export type GetThreadInput = z.input<typeof GetThreadSchema>;
