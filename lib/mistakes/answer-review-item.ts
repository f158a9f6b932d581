import { type Actor, authorizeCourse, isWellFormedId } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { checkResponse } from "@/lib/practice/check-response";
import { OBJECTIVE_TYPES, unlockedQuestionWhere } from "@/lib/practice/question-pool";
import { practiceQuestionSelect } from "@/lib/practice/question-view";
import { type PracticeFeedback, savePracticeAnswer } from "@/lib/practice/save-practice-answer";
import { type AnswerReviewInput, AnswerReviewSchema } from "./schemas";

/**
 * A student answers one of their own mistake-book items in review: stored as a REVIEW answer in the item's course,
 * and the item moves through the Leitner boxes (right when due → up a box; wrong → box 1). Someone else's item, or
 * one of a course the student has left, is not_found.
 */
export async function answerReviewItem(actor: Actor, input: AnswerReviewInput, now = new Date()): Promise<PracticeFeedback> {
  const data = AnswerReviewSchema.parse(input);
  if (!isWellFormedId(data.itemId)) throw new AppError("not_found");
  const item = await db.mistakeItem.findFirst({ where: { id: data.itemId, userId: actor.id }, select: { courseId: true, questionId: true } });
  if (!item) throw new AppError("not_found");
  const course = await authorizeCourse(actor, item.courseId, "coursework.submit");
  const question = await db.question.findFirst({
    where: { id: item.questionId, archived: false, type: { in: [...OBJECTIVE_TYPES] }, ...unlockedQuestionWhere(actor.id, now) },
    select: practiceQuestionSelect,
  });
  if (!question) throw new AppError("not_found");
  const response = checkResponse(question, data.response);
  return db.$transaction((tx) =>
    savePracticeAnswer(tx, { userId: actor.id, courseId: course.courseId, question, response, source: "REVIEW", now }),
  );
}
