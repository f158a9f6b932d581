import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { type WeakTag, rankWeakTags, tagStatsByCourse } from "./tag-stats";

/** The actor's own weak tags in a course they study (practice filter, mistake book, analytics). */
export async function weakTagsFor(actor: Actor, courseId: string): Promise<WeakTag[]> {
  const course = await authorizeCourse(actor, courseId, "coursework.submit");
  const stats = await tagStatsByCourse(actor.id, [course.courseId]);
  return rankWeakTags(stats.get(course.courseId));
}
