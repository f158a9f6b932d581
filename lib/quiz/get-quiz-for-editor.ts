import type { QuizStatus } from "@/generated/prisma/client";
import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { localValueOf } from "@/lib/preclass/local-datetime";
import { bankQuestionWhere } from "@/lib/qbank/bank-scope";
import { authorizeQuiz } from "./access";
import { BANK_ROW_SELECT, type BankQuestionRow, bankRowOf } from "./bank-questions";
import { drawPoolsOf } from "./draw-pools";
import type { QuizSettingsSchema } from "./schemas";
import type { z } from "zod";

/** The settings form's values: times as `datetime-local` in Asia/Shanghai, "" when not set. */
export type QuizFormValues = Omit<z.input<typeof QuizSettingsSchema>, "opensAt" | "closesAt" | "lessonId" | "assessmentItemId"> & {
  opensAt: string;
  closesAt: string;
  lessonId: string;
  assessmentItemId: string;
};

export interface QuizFormOptions {
  lessons: { id: string; title: string }[];
  assessments: { id: string; name: string }[];
  /** Every tag used in the bank the course can draw from, for the draw rules. */
  tags: string[];
}

/** What the new-quiz form offers: the course's lessons, assessment items and the bank's tags. */
export async function getQuizFormOptions(actor: Actor, courseId: string): Promise<QuizFormOptions> {
  const { departmentId } = await authorizeCourse(actor, courseId, "coursework.manage");
  const [lessons, assessments, tagRows] = await Promise.all([
    db.lesson.findMany({ where: { courseId }, orderBy: [{ startsAt: "asc" }, { position: "asc" }], select: { id: true, title: true } }),
    db.assessmentItem.findMany({ where: { courseId }, orderBy: { position: "asc" }, select: { id: true, name: true } }),
    db.question.findMany({ where: bankQuestionWhere({ courseId: courseId, departmentId: departmentId }), select: { tags: true } }),
  ]);
  const tags = [...new Set(tagRows.flatMap((row) => row.tags))].sort((a, b) => a.localeCompare(b, "zh-CN"));
  return { lessons, assessments, tags };
}

export interface QuizForEditor {
  quiz: { id: string; courseId: string; status: QuizStatus; title: string; publishedAt: Date | null };
  values: QuizFormValues;
  items: (BankQuestionRow & { points: number })[];
  draws: { tag: string | null; difficulty: number | null; count: number; points: number; available: number }[];
  options: QuizFormOptions;
  attemptCount: number;
}

export async function getQuizForEditor(actor: Actor, quizId: string): Promise<QuizForEditor> {
  const { quiz, access } = await authorizeQuiz(actor, quizId, "coursework.manage");
  const [options, items, draws, attemptCount] = await Promise.all([
    getQuizFormOptions(actor, quiz.courseId),
    db.quizQuestion.findMany({ where: { quizId }, orderBy: { position: "asc" }, select: { points: true, question: { select: BANK_ROW_SELECT } } }),
    db.quizDraw.findMany({ where: { quizId }, orderBy: { position: "asc" } }),
    db.quizAttempt.count({ where: { quizId } }),
  ]);
  const pools = await drawPoolsOf(
    db,
    bankQuestionWhere({ courseId: quiz.courseId, departmentId: access.departmentId }),
    draws,
    items.map((item) => item.question.id),
  );
  return {
    quiz: { id: quiz.id, courseId: quiz.courseId, status: quiz.status, title: quiz.title, publishedAt: quiz.publishedAt },
    values: {
      title: quiz.title,
      description: quiz.description,
      lessonId: quiz.lessonId ?? "",
      assessmentItemId: quiz.assessmentItemId ?? "",
      opensAt: quiz.opensAt ? localValueOf(quiz.opensAt) : "",
      closesAt: quiz.closesAt ? localValueOf(quiz.closesAt) : "",
      timeLimitMinutes: quiz.timeLimitMinutes,
      attemptsAllowed: quiz.attemptsAllowed,
      scoring: quiz.scoring,
      shuffleQuestions: quiz.shuffleQuestions,
      shuffleOptions: quiz.shuffleOptions,
      review: quiz.review,
      confidenceMarking: quiz.confidenceMarking,
      passPercent: quiz.passPercent,
    },
    items: items.map((item) => ({ ...bankRowOf(quiz.courseId, item.question), points: item.points })),
    draws: draws.map((draw, i) => ({ tag: draw.tag, difficulty: draw.difficulty, count: draw.count, points: draw.points, available: pools[i].length })),
    options,
    attemptCount,
  };
}
