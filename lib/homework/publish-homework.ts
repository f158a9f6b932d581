import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { raiseEvent } from "@/lib/events/raise-event";
import { authorizeHomework } from "./authorize-homework";
import { type HomeworkRefInput, HomeworkRefSchema } from "./schemas";

/**
 * Publishes a draft (coursework.manage) and raises "homework.published" in the same transaction, once: publishing
 * again changes nothing. The due time must still be ahead, or students would get a push for closed work.
 */
export async function publishHomework(actor: Actor, input: HomeworkRefInput, now = new Date()): Promise<{ courseId: string; homeworkId: string }> {
  const { homeworkId } = HomeworkRefSchema.parse(input);
  const { courseId } = await authorizeHomework(actor, homeworkId, "coursework.manage");
  await db.$transaction(async (tx) => {
    const homework = await tx.homework.findUniqueOrThrow({ where: { id: homeworkId }, select: { status: true, dueAt: true, lessonId: true } });
    if (homework.status === "PUBLISHED") return;
    if (homework.dueAt <= now) throw new AppError("homework.due_in_past");
    // The status condition makes two concurrent publishes raise one event.
    const { count } = await tx.homework.updateMany({ where: { id: homeworkId, status: "DRAFT" }, data: { status: "PUBLISHED", publishedAt: now } });
    if (count === 1) {
      await raiseEvent(tx, { type: "homework.published", courseId, lessonId: homework.lessonId ?? undefined, subjectId: homeworkId });
    }
  });
  return { courseId, homeworkId };
}
