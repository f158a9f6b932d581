import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeHomework } from "./authorize-homework";
import { type HomeworkRefInput, HomeworkRefSchema } from "./schemas";

/** Deletes a homework nobody has handed in yet (coursework.manage); students' work is never thrown away this way. */
export async function deleteHomework(actor: Actor, input: HomeworkRefInput): Promise<{ courseId: string }> {
  const { homeworkId } = HomeworkRefSchema.parse(input);
  const { courseId } = await authorizeHomework(actor, homeworkId, "coursework.manage");
  await db.$transaction(async (tx) => {
    if ((await tx.homeworkSubmission.count({ where: { homeworkId } })) > 0) throw new AppError("homework.has_submissions");
    await tx.homework.delete({ where: { id: homeworkId } });
  });
  return { courseId };
}
