import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { AnalyticsFiltersSchema } from "./schemas";
import { scopedCourses } from "./scope";
import { refreshOldestFirst, refreshSummaries } from "./summaries";

/**
 * Courses "refresh now" rebuilds while the user waits (the most out of date first); the rest of a larger scope is
 * rebuilt in the background. Measured on the 60-course large school (bench:dashboards): see README, Benchmarks.
 */
export const REFRESH_NOW_LIMIT = 6;

/**
 * "Refresh now": rebuilds the summaries of the courses the actor is looking at (one course, or the filtered scope).
 * `courses` were rebuilt before this returns, `queued` are being rebuilt in the background.
 */
export async function refreshAnalytics(actor: Actor, input: unknown, now = new Date()): Promise<{ courses: number; queued: number }> {
  const filters = AnalyticsFiltersSchema.parse(input ?? {});
  if (filters.courseId) {
    await authorizeCourse(actor, filters.courseId, "grades.view");
    await refreshSummaries([filters.courseId], now);
    return { courses: 1, queued: 0 };
  }
  const { courses } = await scopedCourses(actor, filters);
  const { refreshed, queued } = await refreshOldestFirst(
    courses.map((course) => course.id),
    now,
    REFRESH_NOW_LIMIT,
  );
  return { courses: refreshed, queued };
}
