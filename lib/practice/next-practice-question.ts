import type { Prisma } from "@/generated/prisma/client";
import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { rankWeakTags, tagStatsByCourse } from "@/lib/mistakes/tag-stats";
import { type QuestionHistory, pickNextQuestion } from "./pick-next-question";
import { isObjectiveType, practicePoolWhere } from "./question-pool";
import { type PracticeQuestionView, practiceQuestionSelect, toQuestionView } from "./question-view";
import { type PracticeFilter, PracticeFilterSchema } from "./schemas";

export interface NextPracticeQuestion {
  course: { id: string; title: string };
  question: PracticeQuestionView | null;
  /** Questions under the filter, and how many of them the student has answered at least once. */
  total: number;
  seen: number;
  /** For the weak-tags filter: the tags it drew from. */
  weakTags: string[];
}

/**
 * The server's choice of the next practice question for a filter (see pickNextQuestion). The question comes
 * without its answer; answerPracticeQuestion reveals that after the student has answered.
 */
export async function nextPracticeQuestion(
  actor: Actor,
  input: { courseId: string; filter: PracticeFilter },
  now = new Date(),
): Promise<NextPracticeQuestion> {
  const filter = PracticeFilterSchema.parse(input.filter);
  const course = await authorizeCourse(actor, input.courseId, "coursework.submit");
  const [info, stats] = await Promise.all([
    db.course.findUniqueOrThrow({ where: { id: course.courseId }, select: { id: true, title: true } }),
    filter.kind === "weak" ? tagStatsByCourse(actor.id, [course.courseId]) : null,
  ]);
  const weakTags = rankWeakTags(stats?.get(course.courseId)).map((weak) => weak.tag);
  if (filter.kind === "weak" && weakTags.length === 0) return { course: info, question: null, total: 0, seen: 0, weakTags };

  const tagWhere: Prisma.QuestionWhereInput =
    filter.kind === "tag" ? { tags: { has: filter.tag } } : filter.kind === "weak" ? { tags: { hasSome: weakTags } } : {};
  const candidates = await db.question.findMany({
    where: { AND: [practicePoolWhere(course, actor.id, now), tagWhere] },
    select: { id: true },
  });
  const ids = candidates.map((question) => question.id);
  const history = await historyOf(actor.id, ids);
  const nextId = pickNextQuestion(actor.id, ids, history);
  const question = nextId ? await db.question.findUnique({ where: { id: nextId }, select: practiceQuestionSelect }) : null;
  return {
    course: info,
    question: question && isObjectiveType(question.type) ? toQuestionView({ ...question, type: question.type }) : null,
    total: ids.length,
    seen: [...history.values()].filter((h) => h.seen).length,
    weakTags,
  };
}

async function historyOf(userId: string, questionIds: string[]): Promise<Map<string, QuestionHistory>> {
  const history = new Map<string, QuestionHistory>();
  if (!questionIds.length) return history;
  const [practised, inQuizzes, mistakes] = await Promise.all([
    db.practiceAnswer.groupBy({ by: ["questionId"], where: { userId, questionId: { in: questionIds } }, _max: { createdAt: true } }),
    db.attemptQuestion.findMany({
      where: { questionId: { in: questionIds }, attempt: { userId, status: "SUBMITTED" } },
      distinct: ["questionId"],
      select: { questionId: true },
    }),
    db.mistakeItem.findMany({ where: { userId, questionId: { in: questionIds }, masteredAt: null }, select: { questionId: true } }),
  ]);
  const entry = (id: string) => {
    const existing = history.get(id) ?? { seen: false, wrongBefore: false, lastPractisedAt: null };
    history.set(id, existing);
    return existing;
  };
  for (const row of practised) Object.assign(entry(row.questionId), { seen: true, lastPractisedAt: row._max.createdAt });
  for (const row of inQuizzes) entry(row.questionId).seen = true;
  for (const row of mistakes) Object.assign(entry(row.questionId), { seen: true, wrongBefore: true });
  return history;
}
