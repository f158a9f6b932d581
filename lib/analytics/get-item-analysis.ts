import type { QuestionType } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { optionsOf, parseResponse } from "@/lib/qbank/question-shapes";
import { scoreResponse } from "@/lib/qbank/score";
import { authorizeQuiz } from "@/lib/quiz/access";
import type { AttemptObservation, ItemObservation } from "@/lib/quiz/item-statistics";
import { type ItemAnalysis, analyseItems } from "./item-analysis";

export interface ItemAnalysisRow extends ItemAnalysis {
  position: number;
  type: QuestionType;
  stem: string;
  tags: string[];
  optionTexts: Record<string, string>;
}

export interface QuizItemAnalysis {
  quiz: { id: string; courseId: string; title: string };
  /** Each student's first fully marked attempt: the one not shaped by having seen a score or a review. */
  analysedAttempts: number;
  items: ItemAnalysisRow[];
}

const QUESTION_SELECT = { id: true, type: true, stem: true, tags: true, options: true, answer: true, partialCredit: true, caseInsensitive: true } as const;

/** 试题分析 of one quiz, for those who may see its grades. */
export async function getItemAnalysis(actor: Actor, quizId: string): Promise<QuizItemAnalysis> {
  const { quiz } = await authorizeQuiz(actor, quizId, "grades.view");
  const rows = await db.$queryRaw<{ attemptId: string; questionId: string; position: number; points: number; response: unknown; score: number | null }[]>`
    WITH firsts AS (
      SELECT DISTINCT ON ("userId") id FROM "QuizAttempt"
      WHERE "quizId" = ${quizId} AND status = 'SUBMITTED' AND score IS NOT NULL
      ORDER BY "userId", number
    )
    SELECT aq."attemptId", aq."questionId", aq.position, aq.points, aq.response, aq.score
    FROM "AttemptQuestion" aq WHERE aq."attemptId" IN (SELECT id FROM firsts)
    ORDER BY aq."attemptId", aq.position`;
  const questionIds = [...new Set(rows.map((row) => row.questionId))];
  const [questions, fixed] = await Promise.all([
    db.question.findMany({ where: { id: { in: questionIds } }, select: QUESTION_SELECT }),
    db.quizQuestion.findMany({ where: { quizId }, select: { questionId: true, position: true } }),
  ]);
  const questionOf = new Map(questions.map((q) => [q.id, q]));

  const attempts = new Map<string, ItemObservation[]>();
  const positionOf = new Map(fixed.map((q) => [q.questionId, q.position]));
  for (const row of rows) {
    const question = questionOf.get(row.questionId)!;
    const list = attempts.get(row.attemptId) ?? [];
    list.push(observationOf(question, row));
    attempts.set(row.attemptId, list);
    if (!positionOf.has(row.questionId)) positionOf.set(row.questionId, 1000 + row.position);
  }
  const observations: AttemptObservation[] = [...attempts.values()].map((items) => ({ items }));
  const keys = new Map(
    questions.flatMap((q) => {
      const key = new Set(Array.isArray(q.answer) ? q.answer.map(String) : []);
      if (q.type === "TRUE_FALSE") return [[q.id, ["true", "false"].map((k) => ({ key: k, correct: key.has(k) }))] as const];
      if (q.type === "SINGLE" || q.type === "MULTIPLE") return [[q.id, optionsOf(q.options).map((o) => ({ key: o.key, correct: key.has(o.key) }))] as const];
      return [];
    }),
  );
  const items = analyseItems(observations, keys)
    .map((item) => {
      const question = questionOf.get(item.itemId)!;
      return {
        ...item,
        position: positionOf.get(item.itemId) ?? 0,
        type: question.type,
        stem: question.stem,
        tags: question.tags,
        optionTexts: Object.fromEntries(optionsOf(question.options).map((o) => [o.key, o.text])),
      };
    })
    .sort((a, b) => a.position - b.position);
  return { quiz: { id: quiz.id, courseId: quiz.courseId, title: quiz.title }, analysedAttempts: observations.length, items };
}

/** The plain share of points (no confidence marking): from the key when auto-graded, from the marker otherwise. */
function observationOf(
  question: { id: string; type: QuestionType; options: unknown; answer: unknown; partialCredit: "ALL_OR_NOTHING" | "RIGHT_MINUS_WRONG" | "HALF_FOR_SUBSET"; caseInsensitive: boolean },
  row: { points: number; response: unknown; score: number | null },
): ItemObservation {
  const scored = scoreResponse(question, row.response);
  const fraction = question.type === "SHORT_ANSWER" ? (row.points > 0 ? (row.score ?? 0) / row.points : 0) : (scored.fraction ?? 0);
  const response = parseResponse(question.type, row.response);
  const choices = question.type === "SINGLE" || question.type === "MULTIPLE" || question.type === "TRUE_FALSE" ? (response ?? []).map(String) : undefined;
  return { itemId: question.id, fraction, points: row.points, answered: scored.answered, choices };
}
