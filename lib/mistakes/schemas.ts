import { z } from "zod";
import { IdSchema } from "@/lib/course/schemas";

/** The response is checked against its question's type (lib/practice/check-response.ts), not here. */
export const AnswerReviewSchema = z.object({
  itemId: IdSchema,
  response: z.unknown(),
});
export type AnswerReviewInput = z.input<typeof AnswerReviewSchema>;
