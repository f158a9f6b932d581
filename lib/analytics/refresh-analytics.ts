import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { AnalyticsFiltersSchema } from "./schemas";
import { scopedCourses } from "./scope";
import { refreshSummaries } from "./summaries";

/** "Refresh now": rebuilds the summaries of the courses the actor is looking at (one course, or the filtered scope). */
export async function refreshAnalytics(actor: Actor, input: unknown, now = new Date()): Promise<{ courses: number }> {
  const filters = AnalyticsFiltersSchema.parse(input ?? {});
  if (filters.courseId) {
    await authorizeCourse(actor, filters.courseId, "grades.view");
    await refreshSummaries([filters.courseId], now);
    return { courses: 1 };
  }
  const { courses } = await scopedCourses(actor, filters);
  await refreshSummaries(
    courses.map((course) => course.id),
    now,
  );
  return { courses: courses.length };
}
