import { type CourseRole, Prisma } from "@/generated/prisma/client";
import { type Tx, db } from "@/lib/db";
import { type PushKind, URGENT_PUSH_KINDS } from "@/lib/wechat/push-kinds";
import { renderPushContent } from "./render-push-content";

/**
 * Writes the outbox: one PushMessage per recipient, in the transaction of the change that causes it. Every
 * recipient gets a row; whether it is sent (binding, consent, subscription, preference, quiet hours) is decided at
 * send time, so the teacher sees the skipped ones with their reasons.
 */

/** A DomainEvent row as raiseEvent created it. */
export interface RaisedEvent {
  id: string;
  type: string;
  courseId: string;
  lessonId: string | null;
  subjectId: string | null;
  createdAt: Date;
}

/** The events that push to the students of the lesson's course. */
const STUDENT_PUSHES: Readonly<Record<string, PushKind>> = {
  "preclass.published": "preclass_feedback",
  "live.topic_opened": "live_topic",
};

const STAFF_ROLES: CourseRole[] = ["TEACHER", "ASSISTANT"];

interface OutboxInput {
  kind: PushKind;
  /** What the push is about (package, topic …). The dedupe key is kind:subject:userId, unique: the same event (or
   * window) never reaches one person twice. */
  subject: string;
  eventId: string | null;
  lesson: { id: string; title: string; courseId: string; course: { title: string } };
  time: Date;
  /** Everyone in the lesson's course with one of these roles gets a row. */
  roles: CourseRole[];
}

/**
 * One INSERT … SELECT over the course's members: it runs inside the teacher's "open topic" transaction, where
 * sending 2000 rows of parameters (createMany) would cost ten times as long. The content is rendered once, the same
 * for every recipient. Ids are generated in SQL (32 hex characters after a "p"; they double as WeChat's
 * client_msg_id). Times are written as UTC, like Prisma writes them.
 */
async function writeOutbox(client: Pick<Tx, "$executeRaw">, input: OutboxInput): Promise<number> {
  const { lesson } = input;
  const content = renderPushContent({
    kind: input.kind,
    courseTitle: lesson.course.title,
    lessonTitle: lesson.title,
    time: input.time,
    lessonId: lesson.id,
  });
  return client.$executeRaw`
    INSERT INTO "PushMessage" ("id", "dedupeKey", "kind", "userId", "eventId", "courseId", "lessonId", "title", "time", "url",
                               "urgent", "nextAttemptAt", "createdAt", "updatedAt")
    SELECT 'p' || replace(CAST(gen_random_uuid() AS text), '-', ''), ${`${input.kind}:${input.subject}:`} || m."userId",
           ${input.kind}, m."userId", ${input.eventId}, ${lesson.courseId}, ${lesson.id}, ${content.title},
           CAST(${content.time.toISOString()} AS timestamp(3)), ${content.url}, ${URGENT_PUSH_KINDS.includes(input.kind)},
           (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC')
    FROM "CourseMember" m
    WHERE m."courseId" = ${lesson.courseId} AND CAST(m."role" AS text) IN (${Prisma.join(input.roles)})
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}

/** Called by raiseEvent for every event; returns how many rows were written (0 for events that push nothing). */
export async function enqueuePushesForEvent(tx: Tx, event: RaisedEvent): Promise<number> {
  const kind = STUDENT_PUSHES[event.type];
  if (!kind || !event.lessonId) return 0;
  const lesson = await tx.lesson.findUnique({
    where: { id: event.lessonId },
    select: { id: true, title: true, courseId: true, course: { select: { title: true } }, preClass: { select: { closesAt: true } } },
  });
  if (!lesson) return 0;
  // The feedback request's time is its deadline; a topic's is the moment it opened.
  const time = kind === "preclass_feedback" ? (lesson.preClass?.closesAt ?? event.createdAt) : event.createdAt;
  return writeOutbox(tx, { kind, subject: event.subjectId ?? lesson.id, eventId: event.id, lesson, time, roles: ["STUDENT"] });
}

/** Windows closed longer ago than this get no summary (e.g. packages that closed before pushes existed). */
export const SUMMARY_LOOKBACK_MS = 24 * 3600_000;

/**
 * "The feedback window closed" is a moment in time, not a change: the dispatcher calls this every half minute. For
 * each published package whose window closed (within the lookback), a "feedback_summary" push to the course's
 * teachers and assistants; the dedupe key (per package and teacher) makes it once, whichever instance gets there
 * first, and later calls write nothing.
 */
export async function enqueueDueFeedbackSummaries(now: Date, lookbackMs = SUMMARY_LOOKBACK_MS): Promise<number> {
  const packages = await db.preClassPackage.findMany({
    where: { status: "PUBLISHED", closesAt: { lte: now, gt: new Date(now.getTime() - lookbackMs) } },
    select: { id: true, closesAt: true, lesson: { select: { id: true, title: true, courseId: true, course: { select: { title: true } } } } },
  });
  let written = 0;
  for (const pkg of packages) {
    written += await writeOutbox(db, { kind: "feedback_summary", subject: pkg.id, eventId: null, lesson: pkg.lesson, time: pkg.closesAt!, roles: STAFF_ROLES });
  }
  return written;
}
