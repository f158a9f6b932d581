import { type Actor, isWellFormedId } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isObjectiveType } from "@/lib/practice/question-pool";
import { type PracticeQuestionView, practiceQuestionSelect, toQuestionView } from "@/lib/practice/question-view";
import { dueMistakesWhere } from "./mistake-where";

export interface ReviewItemView {
  itemId: string;
  course: { id: string; title: string };
  box: number;
  wrongCount: number;
  question: PracticeQuestionView;
}

/**
 * The next due item of the student's review (optionally of one course): the longest overdue first, lower boxes
 * before higher. Shown like a practice question — without its answer.
 */
export async function nextReviewItem(
  actor: Actor,
  input: { courseId?: string } = {},
  now = new Date(),
): Promise<{ item: ReviewItemView | null; remaining: number }> {
  if (input.courseId !== undefined && !isWellFormedId(input.courseId)) throw new AppError("not_found");
  const where = { ...dueMistakesWhere(actor, now), ...(input.courseId ? { courseId: input.courseId } : {}) };
  const [row, remaining] = await Promise.all([
    db.mistakeItem.findFirst({
      where,
      orderBy: [{ dueAt: "asc" }, { box: "asc" }, { lastWrongAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        box: true,
        wrongCount: true,
        course: { select: { id: true, title: true } },
        question: { select: practiceQuestionSelect },
      },
    }),
    db.mistakeItem.count({ where }),
  ]);
  const question = row?.question;
  if (!row || !question || !isObjectiveType(question.type)) return { item: null, remaining: 0 };
  return {
    item: { itemId: row.id, course: row.course, box: row.box, wrongCount: row.wrongCount, question: toQuestionView({ ...question, type: question.type }) },
    remaining,
  };
}
