import type { Actor } from "@/lib/auth/authz";
import { AppError } from "@/lib/errors";
import { liveAccess } from "./access";
import type { LostCounts } from "./events";
import { countLost } from "./queries";
import { type LessonRefInput, LessonRefSchema } from "./schemas";

/** The 不懂 counts for the board, which asks now and then so that "the last 2 minutes" also goes down. */
export async function getLostCounts(actor: Actor, input: LessonRefInput): Promise<LostCounts> {
  const { lessonId } = LessonRefSchema.parse(input);
  const access = await liveAccess(actor, lessonId);
  if (access.viewer !== "staff") throw new AppError("auth.forbidden");
  return countLost(lessonId);
}
