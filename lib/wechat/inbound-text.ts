import type { Actor } from "@/lib/auth/authz";
import { findActiveBindingByOpenid } from "@/lib/binding/find-active-binding";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { answerTopic } from "@/lib/live/answer-topic";
import { LIVE_LIMITS } from "@/lib/live/limits";
import { isPoll, type TopicKind } from "@/lib/live/schemas";
import { pushLinkOf } from "@/lib/push/render-push-content";
import { replyText } from "./inbound-replies";

/**
 * A text message from WeChat as an answer to the student's open topic. Which topic: the most recently opened one
 * still open in a course where they are a student; topics opened longer ago than a lesson lasts do not count, so a
 * topic the teacher forgot to close does not swallow messages days later.
 */

export const TOPIC_MAX_AGE_MS = 6 * 60 * 60_000;
/** A late answer to a topic that closed this recently is told so, rather than that nothing is open. */
const RECENTLY_CLOSED_MS = 30 * 60_000;

/** The student (or other user) behind an openid with an active binding, or null. */
export async function findWechatActor(openid: string): Promise<Actor | null> {
  const binding = await findActiveBindingByOpenid(openid);
  if (!binding) return null;
  const user = await db.user.findUnique({
    where: { id: binding.userId },
    select: { id: true, no: true, name: true, role: true, departmentId: true, mustChangePassword: true, disabled: true },
  });
  if (!user || user.disabled) return null;
  return { id: user.id, no: user.no, name: user.name, role: user.role, departmentId: user.departmentId, mustChangePassword: user.mustChangePassword };
}

interface TopicRef {
  id: string;
  lessonId: string;
  kind: TopicKind;
  options: string[];
}

// No prompt: a reply never quotes the topic (inbound-replies.ts).
const topicRef = { id: true, lessonId: true, kind: true, options: true } as const;

const topicsOfStudent = (studentId: string) => ({ lesson: { course: { members: { some: { userId: studentId, role: "STUDENT" as const } } } } });

/** Records the text as the actor's answer and says so, or explains why it could not be taken. */
export async function answerFromWechat(actor: Actor, text: string, now = new Date()): Promise<string> {
  const topic = await db.topic.findFirst({
    where: { ...topicsOfStudent(actor.id), status: "OPEN", openedAt: { gte: new Date(now.getTime() - TOPIC_MAX_AGE_MS) } },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    select: topicRef,
  });
  if (!topic) return noOpenTopic(actor, now);
  if (!text.trim()) return replyText("empty");
  if (text.trim().length > LIVE_LIMITS.answer) return replyText("tooLong", { max: LIVE_LIMITS.answer });
  const choices = isPoll(topic.kind) ? choicesIn(text, topic.options.length) : null;
  if (isPoll(topic.kind) && !choices) return pollHint(topic);
  try {
    await answerTopic(actor, choices ? { topicId: topic.id, choices } : { topicId: topic.id, text }, { source: "WECHAT" });
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "live.rate_limited") return replyText("rateLimited");
    if (error.code === "live.topic_closed") return replyText("closed");
    if (error.code === "live.answer_empty") return replyText("empty");
    if (error.code === "live.invalid_choices") return pollHint(topic);
    // not_found, auth.forbidden, conflict: no longer a student of that course.
    return replyText("noTopic");
  }
  const link = lessonLink(topic);
  if (!choices) return replyText("received", { link });
  return replyText("receivedChoice", { link, choice: [...new Set(choices)].sort((a, b) => a - b).map(letterOf).join("") });
}

/** The lesson's live page, as the topic's push links it. */
const lessonLink = (topic: TopicRef) => pushLinkOf("live_topic", topic.lessonId);

async function noOpenTopic(actor: Actor, now: Date): Promise<string> {
  const closed = await db.topic.findFirst({
    where: { ...topicsOfStudent(actor.id), status: "CLOSED", closedAt: { gte: new Date(now.getTime() - RECENTLY_CLOSED_MS) } },
    select: { id: true },
  });
  return replyText(closed ? "closed" : "noTopic");
}

const letterOf = (index: number) => String.fromCharCode(65 + index);

function pollHint(topic: TopicRef): string {
  const last = letterOf(topic.options.length - 1);
  return replyText(topic.kind === "POLL_SINGLE" ? "pollSingle" : "pollMultiple", { last, link: lessonLink(topic) });
}

// Separators students type between letters, half- and full-width (NFKC folds Ａ→A and ，→,).
const SEPARATORS = /[\s,;.、。]+/g;

/** Option letters as shown on the lesson page (A, B, …), in any case and width; null unless every letter is an option. */
export function choicesIn(text: string, optionCount: number): number[] | null {
  const letters = text.normalize("NFKC").toUpperCase().replace(SEPARATORS, "");
  if (!/^[A-Z]{1,8}$/.test(letters)) return null;
  const choices = Array.from(letters, (letter) => letter.charCodeAt(0) - 65);
  return choices.every((choice) => choice < optionCount) ? choices : null;
}
