import { db } from "@/lib/db";

export interface TagCounts {
  answers: number;
  wrong: number;
}

/** Per course, per tag: how many of the student's answers touched the tag and how many of them were wrong. */
export type TagStatsByCourse = Map<string, Map<string, TagCounts>>;

/**
 * Counts over every scored answer the student gave in these courses: practice and review answers, and the
 * questions of their submitted quiz attempts (an unmarked short answer has no verdict yet and is left out).
 */
export async function tagStatsByCourse(userId: string, courseIds: readonly string[]): Promise<TagStatsByCourse> {
  const stats: TagStatsByCourse = new Map(courseIds.map((id) => [id, new Map()]));
  if (!courseIds.length) return stats;
  const [practice, attempts] = await Promise.all([
    db.practiceAnswer.findMany({
      where: { userId, courseId: { in: [...courseIds] } },
      select: { courseId: true, correct: true, question: { select: { tags: true } } },
    }),
    db.attemptQuestion.findMany({
      where: { correct: { not: null }, attempt: { userId, status: "SUBMITTED", quiz: { courseId: { in: [...courseIds] } } } },
      select: { correct: true, question: { select: { tags: true } }, attempt: { select: { quiz: { select: { courseId: true } } } } },
    }),
  ]);
  const add = (courseId: string, tags: readonly string[], correct: boolean) => {
    const byTag = stats.get(courseId);
    if (!byTag) return;
    for (const tag of new Set(tags)) {
      const counts = byTag.get(tag) ?? { answers: 0, wrong: 0 };
      counts.answers += 1;
      if (!correct) counts.wrong += 1;
      byTag.set(tag, counts);
    }
  };
  for (const row of practice) add(row.courseId, row.question.tags, row.correct);
  for (const row of attempts) add(row.attempt.quiz.courseId, row.question.tags, row.correct === true);
  return stats;
}

export const WEAK_TAG_MIN_ANSWERS = 3;
export const WEAK_TAG_LIMIT = 5;

export interface WeakTag extends TagCounts {
  tag: string;
  /** wrong / answers, 0–1. */
  errorRate: number;
}

/** Tags with enough answers and at least one wrong, worst first (ties: more answers, then by name). */
export function rankWeakTags(byTag: ReadonlyMap<string, TagCounts> | undefined): WeakTag[] {
  return [...(byTag ?? [])]
    .filter(([, counts]) => counts.answers >= WEAK_TAG_MIN_ANSWERS && counts.wrong > 0)
    .map(([tag, counts]) => ({ tag, ...counts, errorRate: counts.wrong / counts.answers }))
    .sort((a, b) => b.errorRate - a.errorRate || b.answers - a.answers || a.tag.localeCompare(b.tag, "zh-CN"))
    .slice(0, WEAK_TAG_LIMIT);
}
