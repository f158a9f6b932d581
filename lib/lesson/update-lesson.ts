import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { lessonInterval } from "./local-time";
import { type UpdateLessonInput, UpdateLessonSchema } from "./schemas";

/** Changes a lesson's fields and objectives; its position is left alone. */
export async function updateLesson(actor: Actor, input: UpdateLessonInput): Promise<{ id: string; courseId: string }> {
  const data = UpdateLessonSchema.parse(input);
  const { courseId } = await authorizeCourse(actor, data.courseId, "course.edit");
  const { startsAt, endsAt } = lessonInterval(data.date, data.startTime, data.endTime);
  const lessonId = data.lessonId;
  await db.$transaction(async (tx) => {
    // Scoped by the course that was authorized: a lesson of another course is not found.
    const { count } = await tx.lesson.updateMany({
      where: { id: lessonId, courseId },
      data: { title: data.title, startsAt, endsAt, room: data.room, summary: data.summary },
    });
    if (count === 0) throw new AppError("not_found");
    await syncObjectives(tx, lessonId, data.objectives);
  });
  return { id: lessonId, courseId };
}

/**
 * Makes the lesson's objectives the given list while keeping the rows of those that stay (feedback ratings and plan
 * versions refer to them). An id that is not one of this lesson's objectives is treated as a new objective.
 */
async function syncObjectives(tx: Tx, lessonId: string, objectives: { id?: string; text: string }[]): Promise<void> {
  const existing = new Set(
    (await tx.lessonObjective.findMany({ where: { lessonId }, select: { id: true } })).map((objective) => objective.id),
  );
  const kept = new Set<string>();
  const plan = objectives.map((objective) => {
    const keep = objective.id !== undefined && existing.has(objective.id) && !kept.has(objective.id);
    if (keep) kept.add(objective.id!);
    return { ...objective, keep };
  });
  await tx.lessonObjective.deleteMany({ where: { lessonId, id: { notIn: [...kept] } } });
  for (const [position, objective] of plan.entries()) {
    if (objective.keep) {
      await tx.lessonObjective.update({ where: { id: objective.id }, data: { text: objective.text, position } });
    } else {
      await tx.lessonObjective.create({ data: { lessonId, position, text: objective.text } });
    }
  }
}
