import type { AttemptScoring, QuestionType } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { optionsOf, parseResponse } from "@/lib/qbank/question-shapes";
import { scoreResponse } from "@/lib/qbank/score";
import { authorizeQuiz } from "./access";
import {
  type AttemptObservation,
  type ItemObservation,
  type ScoreBin,
  type ScoreSummary,
  itemStatistics,
  scoreDistribution,
  summarizeScores,
} from "./item-statistics";
import { type QuizScore, quizScoreOf } from "./quiz-score";
import { submitOverdueAttempts } from "./submit-overdue-attempts";

export interface ResultStudent {
  userId: string;
  name: string;
  no: string;
  attempts: {
    id: string;
    number: number;
    status: "IN_PROGRESS" | "SUBMITTED";
    startedAt: Date;
    submittedAt: Date | null;
    autoSubmitted: boolean;
    score: number | null;
    maxScore: number;
    needsMarking: boolean;
  }[];
  result: QuizScore | null;
  passed: boolean | null;
}

export interface QuestionStatistic {
  questionId: string;
  type: QuestionType;
  stem: string;
  n: number;
  difficulty: number | null;
  discrimination: number | null;
  negativeDiscrimination: boolean;
  /** Choice items: every option with how often it was picked and whether it is (part of) the key. */
  options: { key: string; text: string; count: number; correct: boolean }[];
  unanswered: number;
}

export interface QuizResults {
  quiz: { id: string; courseId: string; title: string; scoring: AttemptScoring; passPercent: number; status: "DRAFT" | "PUBLISHED" };
  students: ResultStudent[];
  notAttempted: { userId: string; name: string; no: string }[];
  summary: ScoreSummary;
  distribution: ScoreBin[];
  questions: QuestionStatistic[];
  /** How many attempts the item analysis is based on (each student's first fully marked attempt). */
  analysedAttempts: number;
}

const QUESTION_SELECT = { type: true, stem: true, options: true, answer: true, partialCredit: true, caseInsensitive: true } as const;

/**
 * The teacher's results of a quiz: every student's attempts and result by the quiz's rule, who has not attempted,
 * mean / median / pass rate and the distribution of results, and an item analysis (lib/quiz/item-statistics.ts)
 * over each student's first fully marked attempt — the one not shaped by having seen a score or a review.
 */
export async function getQuizResults(actor: Actor, quizId: string, now = new Date()): Promise<QuizResults> {
  const { quiz } = await authorizeQuiz(actor, quizId, "grades.view");
  await submitOverdueAttempts(now, { quizId });
  const [members, attempts, fixed] = await Promise.all([
    db.courseMember.findMany({
      where: { courseId: quiz.courseId, role: "STUDENT" },
      select: { user: { select: { id: true, name: true, no: true } } },
      orderBy: { user: { no: "asc" } },
    }),
    db.quizAttempt.findMany({
      where: { quizId },
      orderBy: [{ userId: "asc" }, { number: "asc" }],
      include: {
        questions: { select: { questionId: true, position: true, points: true, response: true, score: true, question: { select: QUESTION_SELECT } } },
      },
    }),
    db.quizQuestion.findMany({ where: { quizId }, orderBy: { position: "asc" }, select: { questionId: true } }),
  ]);

  const byUser = new Map<string, typeof attempts>();
  for (const attempt of attempts) byUser.set(attempt.userId, [...(byUser.get(attempt.userId) ?? []), attempt]);
  // Attempts of someone no longer on the roster still count in the results.
  const people = new Map(members.map((m) => [m.user.id, m.user]));
  const leftCourse = [...byUser.keys()].filter((id) => !people.has(id));
  if (leftCourse.length) {
    for (const user of await db.user.findMany({ where: { id: { in: leftCourse } }, select: { id: true, name: true, no: true } })) people.set(user.id, user);
  }
  const students: ResultStudent[] = [...byUser.entries()].map(([userId, own]) => {
    const result = quizScoreOf(quiz.scoring, own);
    const person = people.get(userId)!;
    return {
      userId,
      name: person.name,
      no: person.no,
      attempts: own.map((a) => ({
        id: a.id,
        number: a.number,
        status: a.status,
        startedAt: a.startedAt,
        submittedAt: a.submittedAt,
        autoSubmitted: a.autoSubmitted,
        score: a.score,
        maxScore: a.maxScore,
        needsMarking: a.needsMarking,
      })),
      result,
      passed: result?.percent == null ? null : result.percent >= quiz.passPercent,
    };
  });
  students.sort((a, b) => a.no.localeCompare(b.no));
  const percents = students.flatMap((s) => (s.result?.percent == null ? [] : [s.result.percent]));

  const firstMarked = [...byUser.values()].flatMap((own) => {
    const first = own.find((a) => a.status === "SUBMITTED" && a.score !== null);
    return first ? [first] : [];
  });
  const observations: AttemptObservation[] = firstMarked.map((attempt) => ({ items: attempt.questions.map(observationOf) }));
  const stats = itemStatistics(observations);
  const questionOf = new Map(firstMarked.flatMap((a) => a.questions.map((q) => [q.questionId, q.question] as const)));
  const fixedOrder = new Map(fixed.map((q, i) => [q.questionId, i]));
  stats.sort((a, b) => (fixedOrder.get(a.itemId) ?? Infinity) - (fixedOrder.get(b.itemId) ?? Infinity));

  return {
    quiz: { id: quiz.id, courseId: quiz.courseId, title: quiz.title, scoring: quiz.scoring, passPercent: quiz.passPercent, status: quiz.status },
    students,
    notAttempted: members.filter((m) => !byUser.has(m.user.id)).map((m) => ({ userId: m.user.id, name: m.user.name, no: m.user.no })),
    summary: summarizeScores(percents, quiz.passPercent),
    distribution: scoreDistribution(percents),
    questions: stats.map((stat) => {
      const question = questionOf.get(stat.itemId)!;
      const key = new Set(Array.isArray(question.answer) ? question.answer.map(String) : []);
      const options =
        question.type === "TRUE_FALSE"
          ? (["true", "false"] as const).map((value) => ({ key: value, text: value, count: stat.choiceCounts[value] ?? 0, correct: key.has(value) }))
          : optionsOf(question.options).map((o) => ({ key: o.key, text: o.text, count: stat.choiceCounts[o.key] ?? 0, correct: key.has(o.key) }));
      return {
        questionId: stat.itemId,
        type: question.type,
        stem: question.stem,
        n: stat.n,
        difficulty: stat.difficulty,
        discrimination: stat.discrimination,
        negativeDiscrimination: stat.negativeDiscrimination,
        options,
        unanswered: stat.unanswered,
      };
    }),
    analysedAttempts: firstMarked.length,
  };
}

/** An item's plain share of points (no confidence marking): from the key for auto-graded items, the marker's score otherwise. */
function observationOf(item: {
  questionId: string;
  points: number;
  response: unknown;
  score: number | null;
  question: { type: QuestionType; options: unknown; answer: unknown; partialCredit: "ALL_OR_NOTHING" | "RIGHT_MINUS_WRONG" | "HALF_FOR_SUBSET"; caseInsensitive: boolean };
}): ItemObservation {
  const { type } = item.question;
  const scored = scoreResponse(item.question, item.response);
  const fraction = type === "SHORT_ANSWER" ? (item.points > 0 ? (item.score ?? 0) / item.points : 0) : (scored.fraction ?? 0);
  const response = parseResponse(type, item.response);
  const choices = type === "SINGLE" || type === "MULTIPLE" || type === "TRUE_FALSE" ? (response ?? []).map(String) : undefined;
  return { itemId: item.questionId, fraction, points: item.points, answered: scored.answered, choices };
}
