import { writeAudit } from "@/lib/audit/write-audit";
import type { Actor } from "@/lib/auth/authz";
import { isWellFormedId } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeQuiz } from "./access";
import { attemptScoreOf } from "./grade-attempt";
import { type MarkAnswerInput, MarkAnswerSchema } from "./schemas";

export interface MarkingItem {
  attemptQuestionId: string;
  attemptId: string;
  attemptNumber: number;
  student: { name: string; no: string };
  submittedAt: Date | null;
  questionId: string;
  stem: string;
  referenceAnswer: string;
  points: number;
  answer: string;
}

/** Short answers of a quiz waiting for a marker, grouped by question (so one reference answer is read once). */
export async function getMarkingQueue(actor: Actor, quizId: string) {
  const { quiz } = await authorizeQuiz(actor, quizId, "grades.manage");
  const rows = await db.attemptQuestion.findMany({
    where: { score: null, attempt: { quizId, status: "SUBMITTED" } },
    select: {
      id: true,
      points: true,
      response: true,
      questionId: true,
      question: { select: { stem: true, referenceAnswer: true } },
      attempt: { select: { id: true, number: true, submittedAt: true, user: { select: { name: true, no: true } } } },
    },
    orderBy: [{ questionId: "asc" }, { attempt: { submittedAt: "asc" } }],
  });
  const marked = await db.attemptQuestion.count({ where: { markedAt: { not: null }, attempt: { quizId } } });
  const items: MarkingItem[] = rows.map((row) => ({
    attemptQuestionId: row.id,
    attemptId: row.attempt.id,
    attemptNumber: row.attempt.number,
    student: row.attempt.user,
    submittedAt: row.attempt.submittedAt,
    questionId: row.questionId,
    stem: row.question.stem,
    referenceAnswer: row.question.referenceAnswer,
    points: row.points,
    answer: Array.isArray(row.response) && typeof row.response[0] === "string" ? row.response[0] : "",
  }));
  return { quiz: { id: quiz.id, courseId: quiz.courseId, title: quiz.title }, items, marked };
}

/**
 * A marker's score (0 – the question's points) and comment on a short answer. Marking the last open answer of an
 * attempt computes the attempt's score; marking again corrects it. The attempt row is claimed first so that two
 * markers finishing the last two answers at once still compute the score. Every mark is audited, before and after.
 */
export async function markAnswer(actor: Actor, input: MarkAnswerInput, now = new Date()) {
  const data = MarkAnswerSchema.parse(input);
  if (!isWellFormedId(data.attemptQuestionId)) throw new AppError("not_found");
  const item = await db.attemptQuestion.findUnique({
    where: { id: data.attemptQuestionId },
    select: {
      id: true,
      points: true,
      attemptId: true,
      questionId: true,
      question: { select: { type: true } },
      attempt: { select: { quizId: true, status: true, userId: true } },
    },
  });
  if (!item) throw new AppError("not_found");
  const { quiz, access } = await authorizeQuiz(actor, item.attempt.quizId, "grades.manage");
  if (item.question.type !== "SHORT_ANSWER" || item.attempt.status !== "SUBMITTED") throw new AppError("quiz.not_markable");
  if (data.score > item.points) throw new AppError("quiz.score_out_of_range");
  const score = Math.round(data.score * 100) / 100;
  return db.$transaction(async (tx) => {
    const attempt = await tx.quizAttempt.update({ where: { id: item.attemptId }, data: { updatedAt: now }, select: { score: true } });
    const before = await tx.attemptQuestion.findUniqueOrThrow({ where: { id: item.id }, select: { score: true } });
    await tx.attemptQuestion.update({
      where: { id: item.id },
      data: { score, correct: score === item.points, feedback: data.feedback || null, markedById: actor.id, markedAt: now },
    });
    const scores = await tx.attemptQuestion.findMany({ where: { attemptId: item.attemptId }, select: { score: true } });
    const total = attemptScoreOf(scores.map((row) => row.score));
    await tx.quizAttempt.update({ where: { id: item.attemptId }, data: { score: total, needsMarking: total === null } });
    await writeAudit(tx, actor, "quiz.mark_answer", item.id, {
      quizId: quiz.id,
      attemptId: item.attemptId,
      questionId: item.questionId,
      studentId: item.attempt.userId,
      from: { score: before.score, attemptScore: attempt.score },
      to: { score, attemptScore: total },
    }, access);
    return { quizId: quiz.id, courseId: quiz.courseId, attemptId: item.attemptId, attemptScore: total };
  });
}
