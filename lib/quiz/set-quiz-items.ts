import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { bankQuestionWhere } from "@/lib/qbank/bank-scope";
import { authorizeQuiz } from "./access";
import { keepOrder } from "./draw-matching";
import { drawQuestions } from "./draw-pools";
import { type SetQuizItemsInput, SetQuizItemsSchema } from "./schemas";

/**
 * Replaces a draft quiz's questions (in order, with points) and random draws. Every question must be in the
 * course's bank (its own or shared in the department); every draw must find enough questions besides the fixed
 * ones, together (overlapping draws compete for the same questions).
 */
export async function setQuizItems(actor: Actor, input: SetQuizItemsInput): Promise<{ quizId: string; courseId: string }> {
  const data = SetQuizItemsSchema.parse(input);
  const { quiz, access } = await authorizeQuiz(actor, data.quizId, "coursework.manage");
  if (quiz.status !== "DRAFT") throw new AppError("quiz.locked");
  const scope = bankQuestionWhere({ courseId: quiz.courseId, departmentId: access.departmentId });
  const questionIds = data.questions.map((item) => item.questionId);
  const found = await db.question.count({ where: { AND: [scope, { id: { in: questionIds } }] } });
  if (found !== questionIds.length) throw new AppError("quiz.unknown_question");
  const { missing } = await drawQuestions(scope, data.draws, questionIds, keepOrder);
  const short = missing.findIndex((count) => count > 0);
  if (short >= 0) throw new AppError("quiz.not_enough_questions", { draw: short + 1, missing: missing[short] });
  await db.$transaction(async (tx) => {
    await tx.quizQuestion.deleteMany({ where: { quizId: quiz.id } });
    await tx.quizDraw.deleteMany({ where: { quizId: quiz.id } });
    await tx.quizQuestion.createMany({
      data: data.questions.map((item, position) => ({ quizId: quiz.id, questionId: item.questionId, points: item.points, position })),
    });
    await tx.quizDraw.createMany({ data: data.draws.map((draw, position) => ({ quizId: quiz.id, position, ...draw })) });
  });
  return { quizId: quiz.id, courseId: quiz.courseId };
}
