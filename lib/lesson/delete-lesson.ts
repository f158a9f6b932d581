import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { listLessonOrder, lockLessonOrder, writeLessonOrder } from "./positions";
import { type LessonRefInput, LessonRefSchema } from "./schemas";

/** Deletes a lesson (its objectives go with it) and closes the gap in the course's lesson order. */
export async function deleteLesson(actor: Actor, input: LessonRefInput): Promise<{ courseId: string }> {
  const data = LessonRefSchema.parse(input);
  const { courseId } = await authorizeCourse(actor, data.courseId, "course.edit");
  await db.$transaction(async (tx) => {
    await lockLessonOrder(tx, courseId);
    const { count } = await tx.lesson.deleteMany({ where: { id: data.lessonId, courseId } });
    if (count === 0) throw new AppError("not_found");
    await writeLessonOrder(tx, await listLessonOrder(tx, courseId));
  });
  return { courseId };
}
