import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError, prismaCodeOf } from "@/lib/errors";
import type { CreateGroupInput } from "./schemas";

export async function createGroup(actor: Actor, input: CreateGroupInput): Promise<{ id: string }> {
  await authorizeCourse(actor, input.courseId, "roster.manage");
  try {
    return await db.group.create({ data: { courseId: input.courseId, name: input.name }, select: { id: true } });
  } catch (error) {
    if (prismaCodeOf(error) === "P2002") throw new AppError("roster.group_exists");
    throw error;
  }
}
