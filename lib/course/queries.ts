import { type Actor, authorizeCourse, courseTaughtBy, courseVisibleTo } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { shanghaiDayRange } from "@/lib/lesson/phase";

/** Courses on the actor's own home page: enrolled (students) or taught (teachers, assistants). */
export async function listMyCourses(actor: Actor) {
  const where = actor.role === "STUDENT" ? courseVisibleTo(actor) : courseTaughtBy(actor);
  return db.course.findMany({
    where: { ...where, archived: false },
    orderBy: [{ term: "desc" }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      title: true,
      titleEn: true,
      term: true,
      description: true,
      department: { select: { name: true, nameEn: true } },
      members: { where: { role: "TEACHER" }, select: { user: { select: { name: true } } } },
      _count: { select: { members: { where: { role: "STUDENT" } }, lessons: true } },
    },
  });
}

/** Lessons of the actor's courses that take place today (Asia/Shanghai), earliest first. */
export async function listTodayLessons(actor: Actor, now = new Date()) {
  const { start, end } = shanghaiDayRange(now);
  const where = actor.role === "STUDENT" ? courseVisibleTo(actor) : courseTaughtBy(actor);
  return db.lesson.findMany({
    where: { course: { ...where, archived: false }, startsAt: { gte: start, lt: end } },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      title: true,
      position: true,
      startsAt: true,
      endsAt: true,
      room: true,
      course: { select: { id: true, title: true, titleEn: true } },
    },
  });
}

/** Everything the course intro page shows. Throws not_found for a course the actor may not see. */
export async function getCourseIntro(actor: Actor, courseId: string) {
  const access = await authorizeCourse(actor, courseId, "course.view");
  const course = await db.course.findUnique({
    where: { id: courseId },
    select: {
      id: true,
      code: true,
      title: true,
      titleEn: true,
      term: true,
      credits: true,
      hours: true,
      description: true,
      syllabus: true,
      department: { select: { name: true, nameEn: true } },
      objectives: { orderBy: { position: "asc" }, select: { id: true, text: true } },
      assessments: { orderBy: { position: "asc" }, select: { id: true, name: true, weight: true, description: true } },
      members: {
        where: { role: { in: ["TEACHER", "ASSISTANT"] } },
        orderBy: [{ role: "desc" }, { createdAt: "asc" }],
        select: { role: true, user: { select: { id: true, name: true, email: true } } },
      },
      lessons: {
        orderBy: [{ position: "asc" }, { startsAt: "asc" }],
        select: {
          id: true,
          position: true,
          title: true,
          startsAt: true,
          endsAt: true,
          room: true,
          objectives: { orderBy: { position: "asc" }, select: { id: true, text: true } },
        },
      },
      _count: { select: { members: { where: { role: "STUDENT" } } } },
    },
  });
  if (!course) throw new AppError("not_found");
  return { ...course, access };
}

export type CourseIntro = Awaited<ReturnType<typeof getCourseIntro>>;

/** What the header of a course's teacher pages shows, with the actor's access. Throws not_found when invisible. */
export async function getCourseHeader(actor: Actor, courseId: string) {
  const access = await authorizeCourse(actor, courseId, "course.view");
  const course = await db.course.findUnique({
    where: { id: access.courseId },
    select: {
      id: true,
      code: true,
      title: true,
      titleEn: true,
      term: true,
      department: { select: { name: true, nameEn: true } },
    },
  });
  if (!course) throw new AppError("not_found");
  return { ...course, access };
}
