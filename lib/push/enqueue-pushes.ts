import { z } from "zod";
import { type CourseRole, Prisma } from "@/generated/prisma/client";
import { type Tx, db } from "@/lib/db";
import { type PushKind, URGENT_PUSH_KINDS } from "@/lib/wechat/push-kinds";
import { homeworkDueForReminder } from "@/lib/homework/due-reminders";
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
  payload: unknown;
  createdAt: Date;
}

/** The lesson-loop events that push to the students of the lesson's course. */
const LESSON_PUSHES: Readonly<Record<string, PushKind>> = {
  "preclass.published": "preclass_feedback",
  "live.topic_opened": "live_topic",
};

const STAFF_ROLES: CourseRole[] = ["TEACHER", "ASSISTANT"];

interface OutboxInput {
  kind: PushKind;
  /** What the push is about (package, topic, quiz …). The dedupe key is kind:subject:userId, unique: the same event
   * (or window) never reaches one person twice. */
  subject: string;
  eventId: string | null;
  courseId: string;
  courseTitle: string;
  /** The lesson's, quiz's or homework's title. */
  itemTitle: string;
  lessonId: string | null;
  /** What the link opens (see render-push-content.ts). */
  targetId: string;
  time: Date;
  /** Everyone in the course with one of these roles gets a row … */
  roles: CourseRole[];
  /** … or only these of them. */
  userIds?: readonly string[];
}

/**
 * One INSERT … SELECT over the course's members: it runs inside the teacher's "open topic" transaction, where
 * sending 2000 rows of parameters (createMany) would cost ten times as long. The content is rendered once, the same
 * for every recipient. Ids are generated in SQL (32 hex characters after a "p"; they double as WeChat's
 * client_msg_id). Times are written as UTC, like Prisma writes them.
 */
async function writeOutbox(client: Pick<Tx, "$executeRaw">, input: OutboxInput): Promise<number> {
  if (input.userIds?.length === 0) return 0;
  const content = renderPushContent({
    kind: input.kind,
    courseTitle: input.courseTitle,
    itemTitle: input.itemTitle,
    time: input.time,
    targetId: input.targetId,
  });
  const onlyUsers = input.userIds ? Prisma.sql`AND m."userId" IN (${Prisma.join(input.userIds)})` : Prisma.empty;
  return client.$executeRaw`
    INSERT INTO "PushMessage" ("id", "dedupeKey", "kind", "userId", "eventId", "courseId", "lessonId", "title", "time", "url",
                               "urgent", "nextAttemptAt", "createdAt", "updatedAt")
    SELECT 'p' || replace(CAST(gen_random_uuid() AS text), '-', ''), ${`${input.kind}:${input.subject}:`} || m."userId",
           ${input.kind}, m."userId", ${input.eventId}, ${input.courseId}, ${input.lessonId}, ${content.title},
           CAST(${content.time.toISOString()} AS timestamp(3)), ${content.url}, ${URGENT_PUSH_KINDS.includes(input.kind)},
           (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC')
    FROM "CourseMember" m
    WHERE m."courseId" = ${input.courseId} AND CAST(m."role" AS text) IN (${Prisma.join(input.roles)}) ${onlyUsers}
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}

async function enqueueLessonPush(tx: Tx, event: RaisedEvent, kind: PushKind): Promise<number> {
  if (!event.lessonId) return 0;
  const lesson = await tx.lesson.findUnique({
    where: { id: event.lessonId },
    select: { id: true, title: true, courseId: true, course: { select: { title: true } }, preClass: { select: { closesAt: true } } },
  });
  if (!lesson) return 0;
  // The feedback request's time is its deadline; a topic's is the moment it opened.
  const time = kind === "preclass_feedback" ? (lesson.preClass?.closesAt ?? event.createdAt) : event.createdAt;
  return writeOutbox(tx, {
    kind,
    subject: event.subjectId ?? lesson.id,
    eventId: event.id,
    courseId: lesson.courseId,
    courseTitle: lesson.course.title,
    itemTitle: lesson.title,
    lessonId: lesson.id,
    targetId: lesson.id,
    time,
    roles: ["STUDENT"],
  });
}

/** A published quiz: its close time (or the moment it was published) and a link to the quiz. */
async function enqueueQuizPush(tx: Tx, event: RaisedEvent): Promise<number> {
  if (!event.subjectId) return 0;
  const quiz = await tx.quiz.findUnique({
    where: { id: event.subjectId },
    select: { id: true, title: true, courseId: true, lessonId: true, closesAt: true, status: true, course: { select: { title: true } } },
  });
  if (!quiz || quiz.status !== "PUBLISHED") return 0;
  return writeOutbox(tx, {
    kind: "quiz_published",
    subject: quiz.id,
    eventId: event.id,
    courseId: quiz.courseId,
    courseTitle: quiz.course.title,
    itemTitle: quiz.title,
    lessonId: quiz.lessonId,
    targetId: quiz.id,
    time: quiz.closesAt ?? event.createdAt,
    roles: ["STUDENT"],
  });
}

/** Published homework: its due time and a link to it. */
async function enqueueHomeworkPush(tx: Tx, event: RaisedEvent): Promise<number> {
  if (!event.subjectId) return 0;
  const homework = await tx.homework.findUnique({
    where: { id: event.subjectId },
    select: { id: true, title: true, courseId: true, lessonId: true, dueAt: true, status: true, course: { select: { title: true } } },
  });
  if (!homework || homework.status !== "PUBLISHED") return 0;
  return writeOutbox(tx, {
    kind: "homework_published",
    subject: homework.id,
    eventId: event.id,
    courseId: homework.courseId,
    courseTitle: homework.course.title,
    itemTitle: homework.title,
    lessonId: homework.lessonId,
    targetId: homework.id,
    time: homework.dueAt,
    roles: ["STUDENT"],
  });
}

/** Peer-review phases in which students have something to do: submit, then review. */
const PEER_PHASES_TO_PUSH = ["SUBMISSION", "ASSESSMENT"];

const PeerPayloadSchema = z.object({
  phase: z.string().optional(),
  userIds: z.array(z.string()).max(5000).optional(),
  round: z.string().max(40).optional(),
});

/**
 * A peer review: every student when it opens for submissions and again for reviews (subject per phase), or the
 * students a teacher reminds (subject per reminder round, so a second reminder is not swallowed by the first).
 */
async function enqueuePeerPush(tx: Tx, event: RaisedEvent): Promise<number> {
  const payload = PeerPayloadSchema.safeParse(event.payload);
  if (!event.subjectId || !payload.success) return 0;
  const { phase, userIds, round } = payload.data;
  const reminder = event.type === "peer.reminder_requested";
  if (reminder ? !userIds || !round : !phase || !PEER_PHASES_TO_PUSH.includes(phase)) return 0;
  const activity = await tx.peerReview.findUnique({
    where: { id: event.subjectId },
    select: { id: true, title: true, courseId: true, lessonId: true, submissionClosesAt: true, assessmentClosesAt: true, course: { select: { title: true } } },
  });
  if (!activity) return 0;
  const deadline = phase === "SUBMISSION" ? activity.submissionClosesAt : activity.assessmentClosesAt;
  return writeOutbox(tx, {
    kind: "peer_review",
    subject: `${activity.id}:${reminder ? round : phase}`,
    eventId: event.id,
    courseId: activity.courseId,
    courseTitle: activity.course.title,
    itemTitle: activity.title,
    lessonId: activity.lessonId,
    targetId: activity.id,
    time: (reminder ? activity.assessmentClosesAt : deadline) ?? event.createdAt,
    roles: ["STUDENT"],
    userIds,
  });
}

/** Called for every raised event; returns how many rows were written (0 for events that push nothing). */
export async function enqueuePushesForEvent(tx: Tx, event: RaisedEvent): Promise<number> {
  if (event.type === "quiz.published") return enqueueQuizPush(tx, event);
  if (event.type === "homework.published") return enqueueHomeworkPush(tx, event);
  if (event.type === "peer.phase_changed" || event.type === "peer.reminder_requested") return enqueuePeerPush(tx, event);
  const kind = LESSON_PUSHES[event.type];
  return kind ? enqueueLessonPush(tx, event, kind) : 0;
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
    const { lesson } = pkg;
    written += await writeOutbox(db, {
      kind: "feedback_summary",
      subject: pkg.id,
      eventId: null,
      courseId: lesson.courseId,
      courseTitle: lesson.course.title,
      itemTitle: lesson.title,
      lessonId: lesson.id,
      targetId: lesson.id,
      time: pkg.closesAt!,
      roles: STAFF_ROLES,
    });
  }
  return written;
}

/** How long before homework is due its reminder goes out. */
export const DEADLINE_REMINDER_MS = 24 * 3600_000;

/**
 * "Homework is due in 24 hours" is a moment in time too: a "deadline_reminder" to each student who has not submitted,
 * 24 hours before their own due time — the homework's, or their extension's (due-reminders.ts). The subject is the
 * homework and that due time, so the dedupe key makes it once per student and due time, whichever instance gets
 * there first: a student whose extension moves is reminded again for the new date, never twice for one date. The
 * message is the same as for everyone (course and homework title, their due time, a link): it does not say that
 * the time is an extension.
 */
export async function enqueueDueDeadlineReminders(now: Date, windowMs = DEADLINE_REMINDER_MS): Promise<number> {
  const due = await homeworkDueForReminder(now, windowMs);
  let written = 0;
  for (const { homework, dueAt, userIds } of due) {
    written += await writeOutbox(db, {
      kind: "deadline_reminder",
      // Like a peer review's "activity:phase": get-push-stats.ts labels it by the part before the first ":".
      subject: `${homework.id}:${dueAt.getTime()}`,
      eventId: null,
      courseId: homework.courseId,
      courseTitle: homework.courseTitle,
      itemTitle: homework.title,
      lessonId: homework.lessonId,
      targetId: homework.id,
      time: dueAt,
      roles: ["STUDENT"],
      userIds,
    });
  }
  return written;
}
