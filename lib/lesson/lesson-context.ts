import { type Actor, type CourseAction, authorizeLesson } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * A lesson with its course, for the lesson-loop pages (pre-class, live, after-class) of students and teachers.
 * not_found when the actor may not see the lesson's course; auth.forbidden when the action is not allowed.
 */
export async function getLessonContext(actor: Actor, lessonId: string, action: CourseAction = "course.view") {
  const access = await authorizeLesson(actor, lessonId, action);
  const lesson = await db.lesson.findUnique({
    where: { id: lessonId },
    select: {
      id: true,
      position: true,
      title: true,
      startsAt: true,
      endsAt: true,
      room: true,
      summary: true,
      course: { select: { id: true, code: true, title: true } },
      objectives: { orderBy: { position: "asc" }, select: { id: true, text: true } },
    },
  });
  if (!lesson) throw new AppError("not_found");
  return { ...lesson, access };
}

export type LessonContext = Awaited<ReturnType<typeof getLessonContext>>;
