import type { Prisma, QuestionType } from "@/generated/prisma/client";
import { type Actor, courseVisibleTo } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { dueMistakesWhere, myMistakesWhere } from "./mistake-where";
import { type WeakTag, rankWeakTags, tagStatsByCourse } from "./tag-stats";

export const MISTAKE_FILTERS = ["due", "all", "mastered"] as const;
export type MistakeFilter = (typeof MISTAKE_FILTERS)[number];

export const mistakeFilterOf = (value: unknown): MistakeFilter =>
  MISTAKE_FILTERS.includes(value as MistakeFilter) ? (value as MistakeFilter) : "due";

/** A phone screen of stems is plenty; the rest come into view as these are reviewed. */
export const MISTAKE_LIST_LIMIT = 200;

export interface MistakeListItem {
  id: string;
  questionId: string;
  type: QuestionType;
  /** Markdown. Only the stem: the answer is shown after answering it in review. */
  stem: string;
  tags: string[];
  box: number;
  wrongCount: number;
  dueAt: Date;
  lastWrongAt: Date;
  masteredAt: Date | null;
  /** In today's review queue. */
  due: boolean;
}

export interface MistakeCourseGroup {
  course: { id: string; title: string };
  /** Items of this course in today's review queue (whatever the filter shows). */
  due: number;
  items: MistakeListItem[];
  weakTags: WeakTag[];
}

export interface MistakeBook {
  filter: MistakeFilter;
  counts: { due: number; active: number; mastered: number };
  /** The student's courses with items under this filter or weak tags, in course order. */
  groups: MistakeCourseGroup[];
  truncated: boolean;
}

/** 错题本: the student's items across their courses, grouped by course, with each course's weak tags. */
export async function listMistakes(actor: Actor, filter: MistakeFilter, now = new Date()): Promise<MistakeBook> {
  const mine = myMistakesWhere(actor);
  const where: Prisma.MistakeItemWhereInput =
    filter === "due" ? dueMistakesWhere(actor, now) : filter === "mastered" ? { ...mine, masteredAt: { not: null } } : mine;
  const [rows, courses, dueByCourse, active, mastered] = await Promise.all([
    db.mistakeItem.findMany({
      where,
      orderBy: filter === "mastered" ? [{ masteredAt: "desc" }, { id: "asc" }] : [{ dueAt: "asc" }, { box: "asc" }, { id: "asc" }],
      take: MISTAKE_LIST_LIMIT + 1,
      select: {
        id: true,
        courseId: true,
        questionId: true,
        box: true,
        wrongCount: true,
        dueAt: true,
        lastWrongAt: true,
        masteredAt: true,
        question: { select: { type: true, stem: true, tags: true } },
      },
    }),
    db.course.findMany({ where: courseVisibleTo(actor), orderBy: [{ code: "asc" }, { id: "asc" }], select: { id: true, title: true } }),
    db.mistakeItem.groupBy({ by: ["courseId"], where: dueMistakesWhere(actor, now), _count: { _all: true } }),
    db.mistakeItem.count({ where: { ...mine, masteredAt: null } }),
    db.mistakeItem.count({ where: { ...mine, masteredAt: { not: null } } }),
  ]);
  const truncated = rows.length > MISTAKE_LIST_LIMIT;
  const shown = rows.slice(0, MISTAKE_LIST_LIMIT);
  const dueIds = filter === "mastered" ? new Set<string>() : await dueIdsAmong(actor, shown, now);
  const stats = await tagStatsByCourse(actor.id, courses.map((course) => course.id));

  const dueCounts = new Map(dueByCourse.map((row) => [row.courseId, row._count._all]));
  const groups = courses
    .map((course) => ({
      course,
      due: dueCounts.get(course.id) ?? 0,
      items: shown
        .filter((row) => row.courseId === course.id)
        .map((row) => ({
          id: row.id,
          questionId: row.questionId,
          ...row.question,
          box: row.box,
          wrongCount: row.wrongCount,
          dueAt: row.dueAt,
          lastWrongAt: row.lastWrongAt,
          masteredAt: row.masteredAt,
          due: dueIds.has(row.id),
        })),
      weakTags: rankWeakTags(stats.get(course.id)),
    }))
    .filter((group) => group.items.length > 0 || group.weakTags.length > 0);
  const due = [...dueCounts.values()].reduce((sum, count) => sum + count, 0);
  return { filter, counts: { due, active, mastered }, groups, truncated };
}

/** Which of the listed items today's review would offer (the same filter as the count, not just the date). */
async function dueIdsAmong(actor: Actor, items: readonly { id: string }[], now: Date): Promise<Set<string>> {
  const due = await db.mistakeItem.findMany({
    where: { AND: [dueMistakesWhere(actor, now), { id: { in: items.map((item) => item.id) } }] },
    select: { id: true },
  });
  return new Set(due.map((item) => item.id));
}
