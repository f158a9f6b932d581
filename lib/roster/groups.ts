import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** A group id from a form must name a group of this course; any other id is not_found. */
export async function assertGroupInCourse(courseId: string, groupId: string): Promise<void> {
  const group = await db.group.findFirst({ where: { id: groupId, courseId }, select: { id: true } });
  if (!group) throw new AppError("not_found");
}
