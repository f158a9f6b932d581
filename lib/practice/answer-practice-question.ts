import { type Actor, authorizeCourse, isWellFormedId } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { checkResponse } from "./check-response";
import { practicePoolWhere } from "./question-pool";
import { practiceQuestionSelect } from "./question-view";
import { type PracticeFeedback, savePracticeAnswer } from "./save-practice-answer";
import { type AnswerPracticeInput, AnswerPracticeSchema } from "./schemas";

/**
 * A student answers one question of the course's practice bank; the answer is checked and stored, and only then
 * are the right answer and the explanation returned. A question outside the bank (another department's, archived,
 * a short answer, held back by an open quiz) is not_found.
 */
export async function answerPracticeQuestion(actor: Actor, input: AnswerPracticeInput, now = new Date()): Promise<PracticeFeedback> {
  const data = AnswerPracticeSchema.parse(input);
  const course = await authorizeCourse(actor, data.courseId, "coursework.submit");
  if (!isWellFormedId(data.questionId)) throw new AppError("not_found");
  const question = await db.question.findFirst({
    where: { id: data.questionId, ...practicePoolWhere(course, actor.id, now) },
    select: practiceQuestionSelect,
  });
  if (!question) throw new AppError("not_found");
  const response = checkResponse(question, data.response);
  return db.$transaction((tx) =>
    savePracticeAnswer(tx, { userId: actor.id, courseId: course.courseId, question, response, source: "PRACTICE", now }),
  );
}
