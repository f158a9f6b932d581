import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { listLessonOrder, lockLessonOrder, writeLessonOrder } from "./positions";
import { type MoveLessonInput, MoveLessonSchema } from "./schemas";

/** Swaps a lesson with its neighbour above or below. Moving the first lesson up (or the last down) changes nothing. */
export async function moveLesson(actor: Actor, input: MoveLessonInput): Promise<{ courseId: string }> {
  const data = MoveLessonSchema.parse(input);
  const { courseId } = await authorizeCourse(actor, data.courseId, "course.edit");
  await db.$transaction(async (tx) => {
    await lockLessonOrder(tx, courseId);
    const order = await listLessonOrder(tx, courseId);
    const from = order.findIndex((lesson) => lesson.id === data.lessonId);
    if (from < 0) throw new AppError("not_found");
    const to = data.direction === "up" ? from - 1 : from + 1;
    if (to >= 0 && to < order.length) [order[from], order[to]] = [order[to], order[from]];
    await writeLessonOrder(tx, order);
  });
  return { courseId };
}
