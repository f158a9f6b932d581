import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeLiveTeacher } from "./access";
import type { StaffAnswer } from "./events";
import { publishAnswerHighlighted, publishAnswerReplied } from "./publish";
import { type HighlightAnswerInput, HighlightAnswerSchema, type ReplyToAnswerInput, ReplyToAnswerSchema } from "./schemas";
import { answerSelect, staffAnswerView, studentAnswerView } from "./views";

async function authorizeAnswer(actor: Actor, answerId: string) {
  const answer = await db.topicAnswer.findUnique({ where: { id: answerId }, select: { topic: { select: { lessonId: true, anonymous: true } } } });
  if (!answer) throw new AppError("not_found");
  await authorizeLiveTeacher(actor, answer.topic.lessonId);
  return answer.topic;
}

/** Shows an answer to every student in the lesson (without its author's name on an anonymous topic), or takes it back. */
export async function highlightAnswer(actor: Actor, input: HighlightAnswerInput): Promise<StaffAnswer> {
  const data = HighlightAnswerSchema.parse(input);
  const topic = await authorizeAnswer(actor, data.answerId);
  const row = await db.topicAnswer.update({ where: { id: data.answerId }, data: { highlighted: data.highlighted }, select: answerSelect });
  const forStaff = staffAnswerView(row);
  publishAnswerHighlighted(topic.lessonId, forStaff, studentAnswerView(row, topic));
  return forStaff;
}

/** The teacher's feedback on an answer: its author sees it, and everyone does when the answer is highlighted. */
export async function replyToAnswer(actor: Actor, input: ReplyToAnswerInput): Promise<StaffAnswer> {
  const data = ReplyToAnswerSchema.parse(input);
  const topic = await authorizeAnswer(actor, data.answerId);
  const row = await db.topicAnswer.update({ where: { id: data.answerId }, data: { teacherReply: data.reply || null }, select: answerSelect });
  const forStaff = staffAnswerView(row);
  publishAnswerReplied(topic.lessonId, forStaff, studentAnswerView(row, topic), row.studentId);
  return forStaff;
}
