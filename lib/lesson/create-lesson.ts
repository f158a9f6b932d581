import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { lessonInterval } from "./local-time";
import { lockLessonOrder } from "./positions";
import { type CreateLessonInput, CreateLessonSchema } from "./schemas";

/** Adds a lesson at the end of the course's lesson order. */
export async function createLesson(actor: Actor, input: CreateLessonInput): Promise<{ id: string; courseId: string }> {
  const data = CreateLessonSchema.parse(input);
  const { courseId } = await authorizeCourse(actor, data.courseId, "course.edit");
  const { startsAt, endsAt } = lessonInterval(data.date, data.startTime, data.endTime);
  return db.$transaction(async (tx) => {
    await lockLessonOrder(tx, courseId);
    const last = await tx.lesson.aggregate({ where: { courseId }, _max: { position: true } });
    return tx.lesson.create({
      data: {
        courseId,
        position: (last._max.position ?? -1) + 1,
        title: data.title,
        startsAt,
        endsAt,
        room: data.room,
        summary: data.summary,
        objectives: { create: data.objectives.map(({ text }, position) => ({ text, position })) },
      },
      select: { id: true, courseId: true },
    });
  });
}
