import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { loadResults } from "./load-results";

/**
 * A student's own gradebook for a course (coursework.submit): only their results, only released homework. The
 * loader is asked for this one student, so nobody else's result is ever read.
 */
export async function getMyGrades(actor: Actor, courseId: string) {
  const access = await authorizeCourse(actor, courseId, "coursework.submit");
  const course = await db.course.findUniqueOrThrow({ where: { id: access.courseId }, select: { id: true, title: true, titleEn: true } });
  const results = await loadResults(access.courseId, [actor.id]);
  const mine = results.students[0];
  return {
    course,
    schemeComplete: results.schemeComplete,
    total: mine.total,
    countedWeight: mine.countedWeight,
    items: results.items.map((item, i) => ({
      ...item,
      percent: mine.items[i].percent,
      activities: results.activities
        .filter((activity) => activity.itemId === item.id && activity.id in mine.percents)
        .map((activity) => ({ ...activity, percent: mine.percents[activity.id], score: mine.homeworkScores[activity.id] ?? null })),
    })),
    /** Graded work not mapped to any item of the scheme: shown, not counted. */
    unmapped: results.activities
      .filter((activity) => !results.items.some((item) => item.id === activity.itemId) && activity.id in mine.percents)
      .map((activity) => ({ ...activity, percent: mine.percents[activity.id], score: mine.homeworkScores[activity.id] ?? null })),
  };
}

export type MyGrades = Awaited<ReturnType<typeof getMyGrades>>;
