import type { Prisma, QuestionType } from "@/generated/prisma/client";

/** Practice and review take the types that score themselves; short answers need a teacher. */
export const OBJECTIVE_TYPES = ["SINGLE", "MULTIPLE", "TRUE_FALSE", "FILL_IN"] as const satisfies readonly QuestionType[];
export type ObjectiveType = (typeof OBJECTIVE_TYPES)[number];

export const isObjectiveType = (type: QuestionType): type is ObjectiveType => (OBJECTIVE_TYPES as readonly QuestionType[]).includes(type);

/**
 * Practice and review reveal the right answer, so a question a quiz still relies on stays out of them: the fixed
 * questions of a published quiz that has not closed (or never shows its answers), and every question of the
 * student's own attempts at such a quiz — drawn ones included — or of an attempt still in progress. Questions drawn
 * for other students' attempts cannot be told apart from the rest of the bank.
 */
export function unlockedQuestionWhere(userId: string, now: Date): Prisma.QuestionWhereInput {
  const quizStillHidesAnswers: Prisma.QuizWhereInput = { OR: [{ review: "NEVER" }, { closesAt: null }, { closesAt: { gt: now } }] };
  return {
    quizQuestions: { none: { quiz: { status: "PUBLISHED", ...quizStillHidesAnswers } } },
    attemptItems: { none: { attempt: { userId, OR: [{ status: "IN_PROGRESS" }, { quiz: quizStillHidesAnswers }] } } },
  };
}

/** A course's practice bank: its own live objective questions and those the other courses of its department share. */
export function practicePoolWhere(course: { courseId: string; departmentId: string }, userId: string, now: Date): Prisma.QuestionWhereInput {
  return {
    archived: false,
    type: { in: [...OBJECTIVE_TYPES] },
    OR: [{ courseId: course.courseId }, { shared: true, course: { departmentId: course.departmentId } }],
    ...unlockedQuestionWhere(userId, now),
  };
}
