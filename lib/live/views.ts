import type { AttendanceStatus, TopicKind, TopicStatus } from "@/generated/prisma/client";
import type { MyAttendance, SignInView, StaffAnswer, StudentAnswer, TopicView } from "./events";

// Database rows → the shapes in lib/live/events.ts.

export interface TopicRow {
  id: string;
  lessonId: string;
  kind: TopicKind;
  prompt: string;
  options: string[];
  liveResults: boolean;
  anonymous: boolean;
  status: TopicStatus;
  openedAt: Date;
  closedAt: Date | null;
}

export const topicView = (topic: TopicRow): TopicView => ({
  id: topic.id,
  lessonId: topic.lessonId,
  kind: topic.kind,
  prompt: topic.prompt,
  options: topic.options,
  liveResults: topic.liveResults,
  anonymous: topic.anonymous,
  status: topic.status,
  openedAt: topic.openedAt.toISOString(),
  closedAt: topic.closedAt?.toISOString() ?? null,
});

export const topicSelect = {
  id: true,
  lessonId: true,
  kind: true,
  prompt: true,
  options: true,
  liveResults: true,
  anonymous: true,
  status: true,
  openedAt: true,
  closedAt: true,
} as const;

export interface AnswerRow {
  id: string;
  topicId: string;
  studentId: string;
  text: string;
  choices: number[];
  highlighted: boolean;
  teacherReply: string | null;
  source: "WEB" | "WECHAT";
  createdAt: Date;
  updatedAt: Date;
  student: { name: string; no: string };
}

export const answerSelect = {
  id: true,
  topicId: true,
  studentId: true,
  text: true,
  choices: true,
  highlighted: true,
  teacherReply: true,
  source: true,
  createdAt: true,
  updatedAt: true,
  student: { select: { name: true, no: true } },
} as const;

export const staffAnswerView = (answer: AnswerRow): StaffAnswer => ({
  id: answer.id,
  topicId: answer.topicId,
  studentId: answer.studentId,
  studentName: answer.student.name,
  studentNo: answer.student.no,
  text: answer.text,
  choices: answer.choices,
  highlighted: answer.highlighted,
  teacherReply: answer.teacherReply,
  source: answer.source,
  createdAt: answer.createdAt.toISOString(),
  updatedAt: answer.updatedAt.toISOString(),
});

/**
 * A student's view of an answer. Broadcasts (no viewer) of an anonymous topic carry no name at all; in a student's
 * own state their answers keep their name and are marked `mine`.
 */
export function studentAnswerView(answer: AnswerRow, topic: { anonymous: boolean }, viewerId?: string): StudentAnswer {
  const mine = viewerId !== undefined && answer.studentId === viewerId;
  return {
    id: answer.id,
    topicId: answer.topicId,
    studentName: topic.anonymous && !mine ? null : answer.student.name,
    text: answer.text,
    choices: answer.choices,
    highlighted: answer.highlighted,
    teacherReply: answer.teacherReply,
    createdAt: answer.createdAt.toISOString(),
    updatedAt: answer.updatedAt.toISOString(),
    ...(viewerId !== undefined && { mine }),
  };
}

export const signInView = (session: { id: string; openedAt: Date; lateAfter: Date; closedAt: Date | null }): SignInView => ({
  id: session.id,
  openedAt: session.openedAt.toISOString(),
  lateAfter: session.lateAfter.toISOString(),
  closedAt: session.closedAt?.toISOString() ?? null,
});

export const myAttendanceView = (row: { status: AttendanceStatus; checkedInAt: Date | null }): MyAttendance => ({
  status: row.status,
  checkedInAt: row.checkedInAt?.toISOString() ?? null,
});
