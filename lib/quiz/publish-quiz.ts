import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { raiseEvent } from "@/lib/events/raise-event";
import { bankQuestionWhere } from "@/lib/qbank/bank-scope";
import { authorizeQuiz } from "./access";
import { keepOrder } from "./draw-matching";
import { drawQuestions } from "./draw-pools";
import { type QuizRefInput, QuizRefSchema } from "./schemas";

/**
 * Publishes a draft: it needs a question or a draw (every draw still satisfiable — the bank may have changed), a
 * close after the open, a close in the future, and a close time when answers are shown after the close.
 * "quiz.published" is raised in the same transaction; the push dispatcher sends "课后测验" from it.
 */
export async function publishQuiz(actor: Actor, input: QuizRefInput, now = new Date()): Promise<{ quizId: string; courseId: string }> {
  const { quizId } = QuizRefSchema.parse(input);
  const { quiz, access } = await authorizeQuiz(actor, quizId, "coursework.manage");
  if (quiz.status === "PUBLISHED") return { quizId, courseId: quiz.courseId };
  const [questions, draws] = await Promise.all([
    db.quizQuestion.findMany({ where: { quizId }, select: { questionId: true } }),
    db.quizDraw.findMany({ where: { quizId }, orderBy: { position: "asc" } }),
  ]);
  if (!questions.length && !draws.length) throw new AppError("quiz.empty");
  if (quiz.opensAt && quiz.closesAt && quiz.closesAt <= quiz.opensAt) throw new AppError("quiz.closes_before_opens");
  if (quiz.closesAt && quiz.closesAt <= now) throw new AppError("quiz.closes_in_past");
  if (quiz.review === "AFTER_CLOSE" && !quiz.closesAt) throw new AppError("quiz.close_required");
  const { missing } = await drawQuestions(
    bankQuestionWhere({ courseId: quiz.courseId, departmentId: access.departmentId }),
    draws,
    questions.map((q) => q.questionId),
    keepOrder,
  );
  const short = missing.findIndex((count) => count > 0);
  if (short >= 0) throw new AppError("quiz.not_enough_questions", { draw: short + 1, missing: missing[short] });
  await db.$transaction(async (tx) => {
    const { count } = await tx.quiz.updateMany({ where: { id: quizId, status: "DRAFT" }, data: { status: "PUBLISHED", publishedAt: now } });
    if (!count) return;
    await raiseEvent(tx, {
      type: "quiz.published",
      courseId: quiz.courseId,
      lessonId: quiz.lessonId ?? undefined,
      subjectId: quiz.id,
      payload: { quizId: quiz.id, title: quiz.title },
    });
  });
  return { quizId, courseId: quiz.courseId };
}
