import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertGroupInCourse } from "./groups";
import type { SetGroupInput } from "./schemas";

/** Moves a student of the course into one of its groups, or out of any group (groupId null). */
export async function setStudentGroup(actor: Actor, input: SetGroupInput): Promise<void> {
  await authorizeCourse(actor, input.courseId, "roster.manage");
  if (input.groupId) await assertGroupInCourse(input.courseId, input.groupId);
  const { count } = await db.courseMember.updateMany({
    where: { courseId: input.courseId, userId: input.userId, role: "STUDENT" },
    data: { groupId: input.groupId },
  });
  if (count === 0) throw new AppError("not_found");
}
