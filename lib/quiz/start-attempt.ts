import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError, prismaCodeOf } from "@/lib/errors";
import { bankQuestionWhere } from "@/lib/qbank/bank-scope";
import { authorizeQuiz } from "./access";
import { type Shuffle, randomShuffle } from "./draw-matching";
import { drawQuestions } from "./draw-pools";
import { planAttempt } from "./plan-attempt";
import { deadlineOf, quizWindowOf } from "./quiz-window";
import { type QuizRefInput, QuizRefSchema } from "./schemas";
import { submitOverdueAttempts } from "./submit-overdue-attempts";

const QUESTION_FIELDS = { id: true, type: true, options: true, caseId: true, casePosition: true } as const;

/**
 * Starts an attempt, or returns the one in progress (one at a time; a second tap or another device gets the same).
 * The attempt's questions are fixed here: draws resolved at random, questions and options shuffled when the quiz
 * says so, so a reload or a restart shows the same paper. The deadline is the earlier of start + time limit and the
 * quiz's close.
 */
export async function startAttempt(
  actor: Actor,
  input: QuizRefInput,
  now = new Date(),
  shuffle: Shuffle = randomShuffle,
): Promise<{ attemptId: string; quizId: string; resumed: boolean }> {
  const { quizId } = QuizRefSchema.parse(input);
  const { quiz, access } = await authorizeQuiz(actor, quizId, "coursework.submit");
  await submitOverdueAttempts(now, { quizId, userId: actor.id });
  const running = await inProgressAttemptOf(quizId, actor.id);
  if (running) return { attemptId: running, quizId, resumed: true };
  const window = quizWindowOf(quiz, now);
  if (window === "not_open") throw new AppError("quiz.not_open");
  if (window === "closed") throw new AppError("quiz.closed");
  const used = await db.quizAttempt.count({ where: { quizId, userId: actor.id } });
  if (used >= quiz.attemptsAllowed) throw new AppError("quiz.no_attempts_left");

  const [fixed, draws] = await Promise.all([
    db.quizQuestion.findMany({ where: { quizId }, orderBy: { position: "asc" }, select: { points: true, question: { select: QUESTION_FIELDS } } }),
    db.quizDraw.findMany({ where: { quizId }, orderBy: { position: "asc" } }),
  ]);
  const { drawn } = await drawQuestions(
    bankQuestionWhere({ courseId: quiz.courseId, departmentId: access.departmentId }),
    draws,
    fixed.map((item) => item.question.id),
    shuffle,
  );
  const drawnRows = await db.question.findMany({ where: { id: { in: drawn.flat() } }, select: QUESTION_FIELDS });
  const byId = new Map(drawnRows.map((row) => [row.id, row]));
  const items = [
    ...fixed,
    ...draws.flatMap((draw, i) => drawn[i].map((id) => ({ points: draw.points, question: byId.get(id)! }))),
  ];
  // The bank can shrink after publication; an attempt gets what can still be drawn, but never nothing.
  if (!items.length) throw new AppError("quiz.empty");
  const planned = planAttempt(items, quiz, shuffle);
  const maxScore = Math.round(planned.reduce((sum, item) => sum + item.points, 0) * 100) / 100;

  try {
    const attempt = await db.$transaction(async (tx) => {
      const created = await tx.quizAttempt.create({
        data: { quizId, userId: actor.id, number: used + 1, startedAt: now, deadlineAt: deadlineOf(quiz, now), maxScore },
        select: { id: true },
      });
      await tx.attemptQuestion.createMany({
        data: planned.map((item, position) => ({ attemptId: created.id, position, ...item })),
      });
      return created;
    });
    return { attemptId: attempt.id, quizId, resumed: false };
  } catch (error) {
    // Two starts at the same moment: the unique attempt number lets one through; the other resumes it.
    if (prismaCodeOf(error) !== "P2002") throw error;
    const winner = await inProgressAttemptOf(quizId, actor.id);
    if (!winner) throw new AppError("conflict");
    return { attemptId: winner, quizId, resumed: true };
  }
}

async function inProgressAttemptOf(quizId: string, userId: string): Promise<string | null> {
  const attempt = await db.quizAttempt.findFirst({ where: { quizId, userId, status: "IN_PROGRESS" }, select: { id: true } });
  return attempt?.id ?? null;
}
