import type { AnswerSource } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError, type ErrorCode } from "@/lib/errors";
import { authorizeLiveStudent } from "./access";
import { type TopicMeta, getTopicMeta, storeAnswer } from "./answer-store";
import type { StudentAnswer } from "./events";
import { publishAnswerToBoard, publishResultsSoon } from "./publish";
import { takeLiveToken } from "./rate-limit";
import { type AnswerTopicInput, AnswerTopicSchema, isPoll } from "./schemas";
import { type AnswerRow, answerSelect, staffAnswerView, studentAnswerView } from "./views";

export interface AnswerTopicOptions {
  /** Where the answer was written: the lesson page (default) or a WeChat reply (lib/wechat/inbound-text.ts). */
  source?: AnswerSource;
}

/**
 * A student answers the open topic: a poll takes one answer per student (answering again replaces it), a
 * discussion takes several, and `answerId` edits one of one's own until the teacher highlighted or replied to it.
 * The answer reaches the board within a batch; the student gets their own view of it back.
 */
export async function answerTopic(actor: Actor, input: AnswerTopicInput, { source = "WEB" }: AnswerTopicOptions = {}): Promise<StudentAnswer> {
  const data = AnswerTopicSchema.parse(input);
  await takeLiveToken("answer", actor.id);
  const topic = await getTopicMeta(data.topicId);
  const poll = isPoll(topic.kind);
  if (data.answerId && !poll) return editAnswer(actor, topic, data.answerId, data.text);
  const choices = [...new Set(data.choices)].sort((a, b) => a - b);
  const problem = problemWith(topic, data.text, choices);
  if (problem) {
    // Only those who may answer learn what is wrong with an answer.
    await authorizeLiveStudent(actor, topic.lessonId);
    throw new AppError(problem);
  }
  const written = await storeAnswer({ topicId: topic.id, studentId: actor.id, text: poll ? "" : data.text, choices: poll ? choices : [], replace: poll });
  if (!written) return explainRefusal(actor, topic);
  // The batch writes the column's default (WEB); other sources are marked before the board hears of the answer.
  const stored = source === "WEB" ? written : await db.topicAnswer.update({ where: { id: written.id }, data: { source }, select: storedSelect });
  const row: AnswerRow = { ...stored, topicId: topic.id, studentId: actor.id, source, student: { name: actor.name, no: actor.no } };
  publishAnswerToBoard(topic.lessonId, staffAnswerView(row));
  publishResultsSoon(topic);
  return studentAnswerView(row, topic, actor.id);
}

const storedSelect = { id: true, text: true, choices: true, createdAt: true, updatedAt: true, highlighted: true, teacherReply: true } as const;

function problemWith(topic: TopicMeta, text: string, choices: number[]): ErrorCode | null {
  if (!isPoll(topic.kind)) return text ? null : "live.answer_empty";
  if (!choices.length || choices.some((c) => c >= topic.options.length)) return "live.invalid_choices";
  if (topic.kind === "POLL_SINGLE" && choices.length !== 1) return "live.invalid_choices";
  return null;
}

/** The batch refused the answer: not_found / auth.forbidden from authz, else the topic has closed. */
async function explainRefusal(actor: Actor, topic: TopicMeta): Promise<never> {
  await authorizeLiveStudent(actor, topic.lessonId);
  const current = await db.topic.findUnique({ where: { id: topic.id }, select: { status: true } });
  if (!current) throw new AppError("not_found");
  if (current.status === "CLOSED") throw new AppError("live.topic_closed");
  // Enrolment changed between the write and this check.
  throw new AppError("conflict");
}

async function editAnswer(actor: Actor, topic: TopicMeta, answerId: string, text: string): Promise<StudentAnswer> {
  await authorizeLiveStudent(actor, topic.lessonId);
  if (!text) throw new AppError("live.answer_empty");
  const own = { id: answerId, topicId: topic.id, studentId: actor.id };
  const { count } = await db.topicAnswer.updateMany({
    where: { ...own, highlighted: false, teacherReply: null, topic: { status: "OPEN" } },
    data: { text },
  });
  if (!count) {
    const existing = await db.topicAnswer.findFirst({ where: own, select: { topic: { select: { status: true } } } });
    if (!existing) throw new AppError("not_found");
    throw new AppError(existing.topic.status === "CLOSED" ? "live.topic_closed" : "live.answer_locked");
  }
  const row = await db.topicAnswer.findUniqueOrThrow({ where: { id: answerId }, select: answerSelect });
  publishAnswerToBoard(topic.lessonId, staffAnswerView(row));
  return studentAnswerView(row, topic, actor.id);
}
