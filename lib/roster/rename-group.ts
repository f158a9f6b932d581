import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError, prismaCodeOf } from "@/lib/errors";
import type { RenameGroupInput } from "./schemas";

export async function renameGroup(actor: Actor, input: RenameGroupInput): Promise<void> {
  await authorizeCourse(actor, input.courseId, "roster.manage");
  let count: number;
  try {
    ({ count } = await db.group.updateMany({ where: { id: input.groupId, courseId: input.courseId }, data: { name: input.name } }));
  } catch (error) {
    if (prismaCodeOf(error) === "P2002") throw new AppError("roster.group_exists");
    throw error;
  }
  if (count === 0) throw new AppError("not_found");
}
