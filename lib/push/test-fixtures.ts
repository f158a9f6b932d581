// Builders shared by the push tests and the benchmark (not imported by the app). Bindings and consents are written
// directly: binding them is the binding feature's job, these tests only need students in each state.
import { randomBytes } from "node:crypto";
import { CONSENT_TEXT_VERSION } from "@/lib/binding/consent";
import { db } from "@/lib/db";
import { raiseEvent } from "@/lib/events/raise-event";
import { queuePushesForRaisedEvents } from "./queue-raised-events";
import { WechatApiError, type WechatErrorKind } from "@/lib/wechat/client";
import type { PushKind } from "@/lib/wechat/push-kinds";
import { makeSchool, makeUser } from "@/tests/factories";
import type { PushClient } from "./dispatch-pushes";

/** 10:00 in Shanghai on a day after any row a test creates: outside the default quiet hours (22:00–07:00). */
export const DAYTIME = new Date("2030-03-04T02:00:00.000Z");
/** 23:00 in Shanghai that same day: inside the default quiet hours, which end at 07:00 the next morning. */
export const NIGHT = new Date("2030-03-04T15:00:00.000Z");
export const NIGHT_ENDS = new Date("2030-03-04T23:00:00.000Z");

export async function makePushSchool(extraStudents = 0) {
  const school = await makeSchool();
  const extra = [];
  for (let i = 0; i < extraStudents; i++) extra.push(await makeUser("STUDENT"));
  if (extra.length) {
    await db.courseMember.createMany({ data: extra.map((u) => ({ courseId: school.course.id, userId: u.id, role: "STUDENT" as const })) });
  }
  const lesson = await db.lesson.create({
    data: {
      courseId: school.course.id,
      position: 0,
      title: "心脏检查：心音与杂音",
      startsAt: new Date("2030-03-05T00:00:00Z"),
      endsAt: new Date("2030-03-05T01:40:00Z"),
    },
  });
  return { ...school, extra, lesson, students: [school.student, school.student2, ...extra] };
}

export interface BindOptions {
  consent?: "granted" | "withdrawn" | "none";
  subscribed?: boolean;
  status?: "ACTIVE" | "UNBOUND" | "UNREACHABLE";
  /** [start, end] minutes in Shanghai; the schema's default is 22:00–07:00. */
  quiet?: [number, number];
  preferencesOff?: PushKind[];
}

export const openidOf = (userId: string) => `o_${userId}`;

/** A WeChat binding in the given state (default: bound, consented, subscribed, default quiet hours). */
export async function bindStudent(userId: string, options: BindOptions = {}) {
  const openid = openidOf(userId);
  await db.wechatBinding.create({
    data: {
      userId,
      openid,
      subscribed: options.subscribed ?? true,
      status: options.status ?? "ACTIVE",
      ...(options.quiet ? { quietStartMinute: options.quiet[0], quietEndMinute: options.quiet[1] } : {}),
    },
  });
  const consent = options.consent ?? "granted";
  if (consent !== "none") {
    await db.wechatConsent.create({ data: { userId, openid, textVersion: CONSENT_TEXT_VERSION, action: "GRANTED", createdAt: new Date(Date.now() - 1000) } });
  }
  if (consent === "withdrawn") {
    await db.wechatConsent.create({ data: { userId, openid, textVersion: CONSENT_TEXT_VERSION, action: "WITHDRAWN" } });
  }
  for (const kind of options.preferencesOff ?? []) {
    await db.notificationPreference.create({ data: { userId, kind, enabled: false } });
  }
  return openid;
}

/** Raises a domain event the way the lesson loop does: in a transaction of its own. */
export async function raise(type: "preclass.published" | "live.topic_opened", courseId: string, lessonId: string, subjectId: string) {
  await db.$transaction((tx) => raiseEvent(tx, { type, courseId, lessonId, subjectId }));
  await queuePushesForRaisedEvents();
}

export interface SentMessage {
  touser: string;
  templateId: string;
  url: string;
  data: Record<string, { value: string }>;
  clientMsgId: string;
}

/**
 * A stand-in for lib/wechat/client.ts. `failWith` decides per call: a WechatApiError kind (with a typical errcode)
 * or nothing (the send succeeds). WeChat's client_msg_id de-duplication is modelled: a repeated id returns the
 * first msgid and is not delivered again.
 */
export function fakeClient(failWith: (message: SentMessage, call: number) => WechatErrorKind | undefined = () => undefined) {
  const calls: SentMessage[] = [];
  const delivered = new Map<string, string>();
  const ERRCODES: Record<WechatErrorKind, number> = { token: 40001, quota: 45009, unreachable: 43004, retryable: -1, fatal: 40037 };
  const client: PushClient = {
    async sendTemplateMessage(message) {
      calls.push(message);
      const kind = failWith(message, calls.length);
      if (kind) throw new WechatApiError(ERRCODES[kind], `injected ${kind}`, kind);
      const seen = delivered.get(message.clientMsgId);
      if (seen) return { msgid: seen };
      const msgid = randomBytes(8).toString("hex");
      delivered.set(message.clientMsgId, msgid);
      return { msgid };
    },
  };
  return { client, calls, delivered };
}

export const statusesOf = async (where: { lessonId?: string } = {}) =>
  db.pushMessage.findMany({ where, select: { id: true, userId: true, kind: true, status: true, reason: true, attempts: true, nextAttemptAt: true, wechatMsgId: true } });
