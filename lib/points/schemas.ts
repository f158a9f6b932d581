import { z } from "zod";
import { IdSchema } from "@/lib/course/schemas";

/** The switch posts "true"/"false" (a hidden field carrying the state it switches to). */
export const SetPointsEnabledSchema = z.object({
  courseId: IdSchema,
  enabled: z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]),
});
export type SetPointsEnabledInput = z.input<typeof SetPointsEnabledSchema>;
