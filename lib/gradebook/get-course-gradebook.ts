import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { loadResults } from "./load-results";

/** Every student of the course with their results by the assessment scheme (grades.view). */
export async function getCourseGradebook(actor: Actor, courseId: string) {
  const access = await authorizeCourse(actor, courseId, "grades.view");
  const [course, members] = await Promise.all([
    db.course.findUniqueOrThrow({ where: { id: access.courseId }, select: { id: true, code: true, title: true } }),
    db.courseMember.findMany({
      where: { courseId: access.courseId, role: "STUDENT" },
      orderBy: { user: { no: "asc" } },
      select: { user: { select: { id: true, no: true, name: true, class: { select: { name: true } } } } },
    }),
  ]);
  const results = await loadResults(access.courseId, members.map((member) => member.user.id));
  return {
    course,
    items: results.items,
    activities: results.activities,
    schemeComplete: results.schemeComplete,
    students: members.map(({ user }, i) => ({ no: user.no, name: user.name, className: user.class?.name ?? null, ...results.students[i] })),
  };
}

export type CourseGradebook = Awaited<ReturnType<typeof getCourseGradebook>>;
