import { z } from "zod";
import type { ActionResult } from "@/lib/errors";
import {
  AnswerTopicSchema,
  CheckInSchema,
  HighlightAnswerSchema,
  LessonRefSchema,
  OpenSignInSchema,
  OpenTopicSchema,
  ReplyToAnswerSchema,
  TOPIC_KINDS,
  TopicRefSchema,
} from "./schemas";

/**
 * The socket protocol of the live lesson. Server → client payloads are parsed by lib/live/publish.ts before they go
 * out (which also strips anything a view must not carry, such as a student id in a student's view); client →
 * server payloads are parsed by lib/live/handlers.ts and answered by an ack carrying an ActionResult.
 * Instants travel as ISO strings.
 */

const Instant = z.string();
const Id = z.string();

export const TopicViewSchema = z.object({
  id: Id,
  lessonId: Id,
  kind: z.enum(TOPIC_KINDS),
  prompt: z.string(),
  options: z.array(z.string()),
  liveResults: z.boolean(),
  anonymous: z.boolean(),
  status: z.enum(["OPEN", "CLOSED"]),
  openedAt: Instant,
  closedAt: Instant.nullable(),
});
export type TopicView = z.infer<typeof TopicViewSchema>;

/** What the board shows: names always, even for anonymous topics. */
export const StaffAnswerSchema = z.object({
  id: Id,
  topicId: Id,
  studentId: Id,
  studentName: z.string(),
  studentNo: z.string(),
  text: z.string(),
  choices: z.array(z.number().int()),
  highlighted: z.boolean(),
  teacherReply: z.string().nullable(),
  source: z.enum(["WEB", "WECHAT"]),
  createdAt: Instant,
  updatedAt: Instant,
});
export type StaffAnswer = z.infer<typeof StaffAnswerSchema>;

/**
 * What a student sees of an answer: never a student id (it would link anonymous answers to named ones), and no name
 * when the topic is anonymous. `mine` is only set in a student's own state; broadcasts leave it out.
 */
export const StudentAnswerSchema = z.object({
  id: Id,
  topicId: Id,
  studentName: z.string().nullable(),
  text: z.string(),
  choices: z.array(z.number().int()),
  highlighted: z.boolean(),
  teacherReply: z.string().nullable(),
  createdAt: Instant,
  updatedAt: Instant,
  mine: z.boolean().optional(),
});
export type StudentAnswer = z.infer<typeof StudentAnswerSchema>;

/** `counts` per poll option, or null when the viewer may not see them (yet) or the topic is a discussion. */
export const TopicResultsSchema = z.object({
  topicId: Id,
  answerCount: z.number().int(),
  counts: z.array(z.number().int()).nullable(),
});
export type TopicResults = z.infer<typeof TopicResultsSchema>;

export const SignInViewSchema = z.object({
  id: Id,
  openedAt: Instant,
  lateAfter: Instant,
  closedAt: Instant.nullable(),
});
export type SignInView = z.infer<typeof SignInViewSchema>;

export const AttendanceCountsSchema = z.object({
  enrolled: z.number().int(),
  present: z.number().int(),
  late: z.number().int(),
  absent: z.number().int(),
});
export type AttendanceCounts = z.infer<typeof AttendanceCountsSchema>;

export const MyAttendanceSchema = z.object({
  status: z.enum(["PRESENT", "LATE", "ABSENT"]),
  checkedInAt: Instant.nullable(),
});
export type MyAttendance = z.infer<typeof MyAttendanceSchema>;

/** The code the board shows; only staff ever receive it. */
export const SignInCodeSchema = z.object({ code: z.string(), expiresAt: Instant });
export type SignInCode = z.infer<typeof SignInCodeSchema>;

/** Students who pressed 不懂, per minute over the last 30 minutes (oldest first), and within the last 2 minutes. */
export const LostCountsSchema = z.object({
  since: Instant,
  perMinute: z.array(z.number().int()),
  recent: z.number().int(),
});
export type LostCounts = z.infer<typeof LostCountsSchema>;

/** Server → client events. Audience in brackets: everyone in the lesson, students only, staff only, one user. */
export const ServerEventSchemas = {
  /** [everyone] A topic or poll was opened. */
  "live:topic-opened": z.object({ topic: TopicViewSchema }),
  /** [everyone] Closed; results as students may see them (poll counts are always visible after closing). */
  "live:topic-closed": z.object({ topic: TopicViewSchema, results: TopicResultsSchema }),
  /** [staff] New or changed answers of a topic, batched (the board merges them by id). */
  "live:answers-added": z.object({ topicId: Id, answers: z.array(StaffAnswerSchema) }),
  /** [students] An answer was highlighted or un-highlighted. */
  "live:answer-highlighted": z.object({ answer: StudentAnswerSchema }),
  /** [the author, or all students when highlighted] The teacher replied to an answer. */
  "live:answer-updated": z.object({ answer: StudentAnswerSchema }),
  /** [students] Answer count (and poll counts when shown live), throttled. */
  "live:topic-results": z.object({ results: TopicResultsSchema }),
  "live:signin-opened": z.object({ signIn: SignInViewSchema }),
  "live:signin-closed": z.object({ signIn: SignInViewSchema }),
  /** [staff] */
  "live:attendance": z.object({ lessonId: Id, counts: AttendanceCountsSchema }),
  /** [staff] */
  "live:lost-count": z.object({ lessonId: Id, lost: LostCountsSchema }),
} as const;

export type ServerEventName = keyof typeof ServerEventSchemas;
export type ServerEventPayload<E extends ServerEventName> = z.infer<(typeof ServerEventSchemas)[E]>;
export type LiveServerEvents = { [E in ServerEventName]: (payload: ServerEventPayload<E>) => void };

/** Client → server events: each is answered by an ack `{ ok: true, data }` or `{ ok: false, code }`. */
export const ClientEventSchemas = {
  /** Joins the lesson's room(s) and returns the live state (late joiners, reconnects). */
  "live:join": LessonRefSchema,
  "live:signin-open": OpenSignInSchema,
  "live:signin-close": LessonRefSchema,
  "live:signin-code": LessonRefSchema,
  "live:check-in": CheckInSchema,
  "live:topic-open": OpenTopicSchema,
  "live:topic-close": TopicRefSchema,
  "live:answer": AnswerTopicSchema,
  "live:answer-highlight": HighlightAnswerSchema,
  "live:answer-reply": ReplyToAnswerSchema,
  "live:lost": LessonRefSchema,
  "live:lost-count": LessonRefSchema,
} as const;

export type ClientEventName = keyof typeof ClientEventSchemas;
export type ClientEventInput<E extends ClientEventName> = z.input<(typeof ClientEventSchemas)[E]>;
export type Ack<T> = (result: ActionResult<T>) => void;
