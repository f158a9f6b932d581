import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { DeleteGroupInput } from "./schemas";

/** Deletes a group; its members stay on the roster without a group. */
export async function deleteGroup(actor: Actor, input: DeleteGroupInput): Promise<void> {
  await authorizeCourse(actor, input.courseId, "roster.manage");
  const { count } = await db.group.deleteMany({ where: { id: input.groupId, courseId: input.courseId } });
  if (count === 0) throw new AppError("not_found");
}
