import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { localValueOf } from "@/lib/preclass/local-datetime";
import { DEFAULT_EVALUATION_ITEMS, type EvaluationItem } from "./schemas";

const WEEK_MS = 7 * 86_400_000;

export interface EvaluationFormValues {
  title: string;
  items: EvaluationItem[];
  /** datetime-local values, Asia/Shanghai */
  opensAt: string;
  closesAt: string;
}

/** What the new-evaluation form starts with: the usual items, open from now for a week, and the lessons to choose from. */
export async function getNewEvaluationDefaults(
  actor: Actor,
  courseId: string,
  now = new Date(),
): Promise<{ values: EvaluationFormValues; lessons: { id: string; title: string; startsAt: Date }[] }> {
  const access = await authorizeCourse(actor, courseId, "coursework.manage");
  const lessons = await db.lesson.findMany({
    where: { courseId: access.courseId },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: { id: true, title: true, startsAt: true },
  });
  return {
    values: {
      title: "课程评教",
      items: DEFAULT_EVALUATION_ITEMS.map((item) => ({ ...item })),
      opensAt: localValueOf(now),
      closesAt: localValueOf(new Date(now.getTime() + WEEK_MS)),
    },
    lessons,
  };
}
