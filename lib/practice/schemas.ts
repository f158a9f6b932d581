import { z } from "zod";
import { IdSchema } from "@/lib/course/schemas";
import { QUESTION_LIMITS } from "@/lib/qbank/question-shapes";

/** Which questions a practice run draws from: the whole bank, the student's weak tags, or one tag. */
export const PracticeFilterSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("all") }),
  z.object({ kind: z.literal("weak") }),
  z.object({ kind: z.literal("tag"), tag: z.string().trim().min(1).max(QUESTION_LIMITS.tag) }),
]);
export type PracticeFilter = z.infer<typeof PracticeFilterSchema>;

/** The practice page's query (?mode=all, ?mode=weak, ?tag=…); null when it asks for none, i.e. the tag list. */
export function practiceFilterOf(search: { mode?: string | string[]; tag?: string | string[] }): PracticeFilter | null {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const tag = first(search.tag);
  const mode = first(search.mode);
  const parsed = PracticeFilterSchema.safeParse(tag ? { kind: "tag", tag } : { kind: mode });
  return parsed.success ? parsed.data : null;
}

/** The search string of a practice run, the other way round. */
export function practiceSearchOf(filter: PracticeFilter): string {
  return filter.kind === "tag" ? `?tag=${encodeURIComponent(filter.tag)}` : `?mode=${filter.kind}`;
}

/** The response is checked against its question's type (lib/practice/check-response.ts), not here. */
export const AnswerPracticeSchema = z.object({
  courseId: IdSchema,
  questionId: IdSchema,
  response: z.unknown(),
});
export type AnswerPracticeInput = z.input<typeof AnswerPracticeSchema>;
