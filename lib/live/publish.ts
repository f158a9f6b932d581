import type { Server } from "socket.io";
import type { TopicKind } from "./schemas";
import {
  type LiveServerEvents,
  type ServerEventName,
  type ServerEventPayload,
  ServerEventSchemas,
  type SignInView,
  type StaffAnswer,
  type StudentAnswer,
  type TopicResults,
  type TopicView,
} from "./events";
import { getIo } from "./io";
import { countAttendance, countLost, countTopicResults, resultsFor } from "./queries";
import { lessonRoom, staffRoom, userRoom } from "./rooms";

/**
 * The only place that emits live events. Emits go through the socket.io server set by server.ts (with the Redis
 * adapter they reach the clients of every instance); without one (scripts, domain tests) publishing does nothing.
 *
 * Fan-out stays cheap at thousands of students: a broadcast is one emit per room, never a query per socket; answers
 * reach the board in batches; counts that need a query are refreshed at most every few hundred milliseconds.
 */

type LiveIo = Server<Record<string, never>, LiveServerEvents>;

const BOARD_FLUSH_MS = 100;
const RESULTS_REFRESH_MS = 500;
const ATTENDANCE_REFRESH_MS = 250;
const LOST_REFRESH_MS = 500;

interface Audience {
  to: string | string[];
  except?: string;
}

const everyone = (lessonId: string): Audience => ({ to: lessonRoom(lessonId) });
const students = (lessonId: string): Audience => ({ to: lessonRoom(lessonId), except: staffRoom(lessonId) });
const staff = (lessonId: string): Audience => ({ to: staffRoom(lessonId) });

function emit<E extends ServerEventName>(audience: Audience, event: E, payload: ServerEventPayload<E>): void {
  const io = getIo() as LiveIo | undefined;
  if (!io) return;
  // Parsing strips what a view must not carry; a payload that fails is a bug, logged rather than sent.
  const parsed = ServerEventSchemas[event].safeParse(payload);
  if (!parsed.success) {
    console.error(`[live] invalid ${event} payload`, parsed.error.issues);
    return;
  }
  const target = audience.except ? io.to(audience.to).except(audience.except) : io.to(audience.to);
  (target.emit as (event: E, payload: unknown) => boolean)(event, parsed.data);
}

// ── Topics ──────────────────────────────────────────────────────────────────────────────────────────────────────

export function publishTopicOpened(topic: TopicView): void {
  emit(everyone(topic.lessonId), "live:topic-opened", { topic });
}

export function publishTopicClosed(topic: TopicView, results: TopicResults): void {
  flushBoard(topic.lessonId);
  emit(everyone(topic.lessonId), "live:topic-closed", { topic, results });
}

// ── Answers: the board gets batches, students only what concerns them ───────────────────────────────────────────

const boardBuffers = new Map<string, { timer: NodeJS.Timeout; answers: Map<string, StaffAnswer> }>();

/** A new or changed answer, for the board; sent with the others of the next 100 ms. */
export function publishAnswerToBoard(lessonId: string, answer: StaffAnswer): void {
  let buffer = boardBuffers.get(lessonId);
  if (!buffer) {
    buffer = { timer: setTimeout(() => flushBoard(lessonId), BOARD_FLUSH_MS), answers: new Map() };
    boardBuffers.set(lessonId, buffer);
  }
  buffer.answers.set(answer.id, answer);
}

function flushBoard(lessonId: string): void {
  const buffer = boardBuffers.get(lessonId);
  if (!buffer) return;
  clearTimeout(buffer.timer);
  boardBuffers.delete(lessonId);
  const byTopic = new Map<string, StaffAnswer[]>();
  for (const answer of buffer.answers.values()) {
    const list = byTopic.get(answer.topicId) ?? [];
    list.push(answer);
    byTopic.set(answer.topicId, list);
  }
  for (const [topicId, answers] of byTopic) emit(staff(lessonId), "live:answers-added", { topicId, answers });
}

/** Highlighting shows an answer to every student (un-highlighting takes it away again). */
export function publishAnswerHighlighted(lessonId: string, forStaff: StaffAnswer, forStudents: StudentAnswer): void {
  publishAnswerToBoard(lessonId, forStaff);
  emit(students(lessonId), "live:answer-highlighted", { answer: forStudents });
}

/** A teacher's reply reaches the author, or every student when the answer is highlighted. */
export function publishAnswerReplied(lessonId: string, forStaff: StaffAnswer, forStudents: StudentAnswer, authorId: string): void {
  publishAnswerToBoard(lessonId, forStaff);
  emit(forStudents.highlighted ? students(lessonId) : { to: userRoom(authorId) }, "live:answer-updated", { answer: forStudents });
}

// ── Counts that need a query: refreshed at most every few hundred milliseconds per lesson ───────────────────────

const scheduled = new Map<string, NodeJS.Timeout>();

function refreshSoon(key: string, delayMs: number, run: () => Promise<void>): void {
  if (!getIo() || scheduled.has(key)) return;
  scheduled.set(
    key,
    setTimeout(() => {
      scheduled.delete(key);
      // The server may have closed meanwhile (tests, shutdown): then the counts have no audience.
      if (!getIo()) return;
      run().catch((error) => console.error(`[live] refreshing ${key} failed`, error));
    }, delayMs),
  );
}

interface ResultsTopic {
  id: string;
  lessonId: string;
  kind: TopicKind;
  options: string[];
  liveResults: boolean;
}

/** Students see the answer count grow, and poll counts too when the topic shows results live. */
export function publishResultsSoon(topic: ResultsTopic): void {
  refreshSoon(`results:${topic.id}`, RESULTS_REFRESH_MS, async () => {
    const raw = await countTopicResults(topic);
    emit(students(topic.lessonId), "live:topic-results", { results: resultsFor("student", { ...topic, status: "OPEN" }, raw) });
  });
}

export function publishSignInOpened(lessonId: string, signIn: SignInView): void {
  emit(everyone(lessonId), "live:signin-opened", { signIn });
}

export function publishSignInClosed(lessonId: string, signIn: SignInView): void {
  emit(everyone(lessonId), "live:signin-closed", { signIn });
}

export function publishAttendanceSoon(lessonId: string, courseId: string): void {
  refreshSoon(`attendance:${lessonId}`, ATTENDANCE_REFRESH_MS, async () => {
    emit(staff(lessonId), "live:attendance", { lessonId, counts: await countAttendance(lessonId, courseId) });
  });
}

export function publishLostCountSoon(lessonId: string): void {
  refreshSoon(`lost:${lessonId}`, LOST_REFRESH_MS, async () => {
    emit(staff(lessonId), "live:lost-count", { lessonId, lost: await countLost(lessonId) });
  });
}

/** Drops pending batches and refreshes (tests and shutdown); nothing is emitted afterwards. */
export function stopLivePublishing(): void {
  for (const { timer } of boardBuffers.values()) clearTimeout(timer);
  boardBuffers.clear();
  for (const timer of scheduled.values()) clearTimeout(timer);
  scheduled.clear();
}
