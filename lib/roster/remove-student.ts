import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RemoveStudentInput } from "./schemas";

/** Takes a student off the course's roster; the account, its class and its work elsewhere stay. */
export async function removeStudent(actor: Actor, input: RemoveStudentInput): Promise<void> {
  await authorizeCourse(actor, input.courseId, "roster.manage");
  // Only student memberships: teachers and assistants are managed with the course, not on the roster.
  await db.$transaction(async (tx) => {
    const { count } = await tx.courseMember.deleteMany({ where: { courseId: input.courseId, userId: input.userId, role: "STUDENT" } });
    if (count === 0) throw new AppError("not_found");
    await writeAudit(tx, actor, "roster.remove_student", input.courseId, { userId: input.userId }, { courseId: input.courseId });
  });
}
