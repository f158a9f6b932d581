import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { type WeakTag, rankWeakTags, tagStatsByCourse } from "@/lib/mistakes/tag-stats";
import { practicePoolWhere } from "./question-pool";

export interface PracticeTag {
  tag: string;
  /** Questions with this tag in the practice bank. */
  questions: number;
  /** The student's scored answers touching this tag (practice, review, quizzes) and how many were right. */
  answers: number;
  right: number;
}

export interface PracticeOverview {
  course: { id: string; title: string };
  /** Questions in the practice bank. */
  total: number;
  tags: PracticeTag[];
  weakTags: WeakTag[];
}

/** The practice start page: the course's tags with question counts and the student's accuracy, and their weak tags. */
export async function getPracticeOverview(actor: Actor, courseId: string, now = new Date()): Promise<PracticeOverview> {
  const course = await authorizeCourse(actor, courseId, "coursework.submit");
  const [info, questions, stats] = await Promise.all([
    db.course.findUniqueOrThrow({ where: { id: course.courseId }, select: { id: true, title: true } }),
    db.question.findMany({ where: practicePoolWhere(course, actor.id, now), select: { tags: true } }),
    tagStatsByCourse(actor.id, [course.courseId]),
  ]);
  const counts = new Map<string, number>();
  for (const { tags } of questions) for (const tag of new Set(tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  const byTag = stats.get(course.courseId);
  const tags = [...counts]
    .map(([tag, count]) => {
      const answered = byTag?.get(tag);
      return { tag, questions: count, answers: answered?.answers ?? 0, right: (answered?.answers ?? 0) - (answered?.wrong ?? 0) };
    })
    .sort((a, b) => a.tag.localeCompare(b.tag, "zh-CN"));
  return { course: info, total: questions.length, tags, weakTags: rankWeakTags(byTag) };
}
