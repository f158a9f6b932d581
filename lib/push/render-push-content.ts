import { isWellFormedId } from "@/lib/auth/authz";
import { h5EntryPath } from "@/lib/binding/paths";
import { shanghaiParts } from "@/lib/lesson/local-time";
import { type PushKind, isPushKind } from "@/lib/wechat/push-kinds";

/**
 * THE one place a push's content is built (content minimization, MISSION "Boundaries and privacy"). A push carries
 * a course and lesson title, a time and a link into the app — never grades, scores, health data, patient or case
 * details. By construction: the input type has only those fields, and the guard below rejects any other field at
 * run time, so a caller cannot smuggle e.g. a score in through a spread object.
 *
 * Template messages (one template id per kind, lib/wechat/config.ts). Every kind's template has the same two
 * keywords, in WeChat's category-template style; the kind's own wording ("课前反馈提醒", "课堂讨论" …) is the
 * fixed text of the template itself:
 *   thing1  course · lesson (or quiz, homework) title, at most 20 characters (WeChat's limit for `thing`; longer ones are cut with "…")
 *   time2   the time, 24-hour Asia/Shanghai, e.g. "2026年11月26日 08:00"
 * and the message's link is the row's url (the app's WeChat H5 entry, which signs the student in first).
 */
export interface PushContentInput {
  kind: PushKind;
  courseTitle: string;
  /** The lesson's title; for a quiz or homework, its own title. */
  itemTitle: string;
  /** Feedback deadline, topic opening time, window close, due time … */
  time: Date;
  /** What the link opens: the lesson, or the quiz / homework for the after-class kinds. */
  targetId: string;
}

export interface PushContent {
  title: string;
  time: Date;
  url: string;
}

export type TemplateData = Record<"thing1" | "time2", { value: string }>;

export class PushContentError extends Error {
  constructor(message: string) {
    super(`push content rejected: ${message}`);
    this.name = "PushContentError";
  }
}

const INPUT_FIELDS: readonly (keyof PushContentInput)[] = ["kind", "courseTitle", "itemTitle", "time", "targetId"];

/** Where each kind's link lands once the H5 entry has signed the user in. */
const LANDING_PATHS: Record<PushKind, (targetId: string) => string> = {
  preclass_feedback: (id) => `/student/lessons/${id}/pre`,
  live_topic: (id) => `/student/lessons/${id}/live`,
  feedback_summary: (id) => `/teacher/lessons/${id}/feedback`,
  quiz_published: (id) => `/student/quizzes/${id}`,
  homework_published: (id) => `/student/homework/${id}`,
  deadline_reminder: (id) => `/student/homework/${id}`,
  peer_review: (id) => `/student/peer-reviews/${id}`,
};

const TITLE_MAX = 80;
export const THING_MAX = 20;
const SEPARATOR = " · ";

// WeChat rejects control characters (newlines …) in template values; they have no place in a title either.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

const clean = (value: string) => value.replace(CONTROL_CHARACTERS, " ").replace(/\s+/g, " ").trim();

/** Cuts to `max` characters (code points, so a CJK or emoji title is never split inside a character). */
function truncate(value: string, max: number): string {
  const chars = Array.from(value);
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join("")}…`;
}

/** The app's public base URL: NEXTAUTH_URL (server.ts sets it), as the H5 entry must be reachable from WeChat. */
function appBaseUrl(): string {
  return (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

function pushEntryUrl(kind: PushKind, targetId: string): string {
  return `${appBaseUrl()}${h5EntryPath(LANDING_PATHS[kind](targetId))}`;
}

/**
 * The link a push of this kind carries, for other messages that go to WeChat (the callback's passive replies): the
 * link is all they say about the target, so its content stays in the app.
 */
export function pushLinkOf(kind: PushKind, targetId: string): string {
  if (!isPushKind(kind)) throw new PushContentError("unknown kind");
  if (!isWellFormedId(targetId)) throw new PushContentError("malformed target id");
  return pushEntryUrl(kind, targetId);
}

export function renderPushContent(input: PushContentInput): PushContent {
  const extra = Object.keys(input).filter((key) => !INPUT_FIELDS.includes(key as keyof PushContentInput));
  if (extra.length) throw new PushContentError(`unexpected field(s) ${extra.join(", ")}`);
  const { kind, courseTitle, itemTitle, time, targetId } = input;
  if (!isPushKind(kind)) throw new PushContentError("unknown kind");
  if (typeof courseTitle !== "string" || typeof itemTitle !== "string") throw new PushContentError("titles must be text");
  if (!(time instanceof Date) || Number.isNaN(time.getTime())) throw new PushContentError("time must be a date");
  if (!isWellFormedId(targetId)) throw new PushContentError("malformed target id");
  const parts = [clean(courseTitle), clean(itemTitle)].filter(Boolean);
  if (!parts.length) throw new PushContentError("empty title");
  return { title: truncate(parts.join(SEPARATOR), TITLE_MAX), time: new Date(time), url: pushEntryUrl(kind, targetId) };
}

/** "2026年11月26日 08:00" in Asia/Shanghai: the format WeChat's `time` keywords accept. */
export function templateTime(instant: Date): string {
  const { date, time } = shanghaiParts(instant);
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日 ${time}`;
}

/** The template's `data`, from a rendered push (title and time) and nothing else. */
export function templateDataOf(content: { title: string; time: Date | null }): TemplateData {
  return {
    thing1: { value: truncate(clean(content.title), THING_MAX) },
    time2: { value: content.time ? templateTime(content.time) : "" },
  };
}
