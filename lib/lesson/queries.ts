import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { shanghaiParts } from "./local-time";

/** A lesson with what its edit form shows. not_found for a lesson outside the route's course. */
export async function getLessonForEdit(actor: Actor, courseId: string, lessonId: string) {
  const access = await authorizeCourse(actor, courseId, "course.edit");
  const lesson = await db.lesson.findFirst({
    where: { id: lessonId, courseId: access.courseId },
    select: {
      id: true,
      courseId: true,
      position: true,
      title: true,
      startsAt: true,
      endsAt: true,
      room: true,
      summary: true,
      objectives: { orderBy: { position: "asc" }, select: { id: true, text: true } },
    },
  });
  if (!lesson) throw new AppError("not_found");
  return lesson;
}

const WEEK_MS = 7 * 86_400_000;

/**
 * Starting values of the new-lesson form: courses usually meet weekly at the same time and place, so the new lesson
 * is suggested a week after the last one. Requires course.edit.
 */
export async function getNewLessonDefaults(actor: Actor, courseId: string) {
  const access = await authorizeCourse(actor, courseId, "course.edit");
  const last = await db.lesson.findFirst({
    where: { courseId: access.courseId },
    orderBy: [{ position: "desc" }, { startsAt: "desc" }],
    select: { startsAt: true, endsAt: true, room: true },
  });
  const blank = { title: "", summary: "", objectives: [] as { id?: string; text: string }[] };
  if (!last) return { ...blank, date: "", startTime: "", endTime: "", room: "" };
  const start = shanghaiParts(new Date(last.startsAt.getTime() + WEEK_MS));
  return { ...blank, date: start.date, startTime: start.time, endTime: shanghaiParts(last.endsAt).time, room: last.room };
}
