import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type LiveAccess, liveAccess } from "./access";
import type {
  AttendanceCounts,
  LostCounts,
  MyAttendance,
  SignInCode,
  SignInView,
  StaffAnswer,
  StudentAnswer,
  TopicResults,
  TopicView,
} from "./events";
import { signInCodeView } from "./open-signin";
import { countAttendance, countLost, countTopicResults, findCurrentTopic, findLatestSignIn, listPastTopics, resultsFor } from "./queries";
import { LessonRefSchema } from "./schemas";
import { answerSelect, myAttendanceView, signInView, staffAnswerView, studentAnswerView, topicView } from "./views";

interface CommonState {
  lessonId: string;
  /** The open topic, or else the last closed one. */
  topic: TopicView | null;
  results: TopicResults | null;
  /** The latest sign-in, open or closed. */
  signIn: SignInView | null;
}

export interface StudentLiveState extends CommonState {
  viewer: "student";
  /** The student's own answers and the highlighted ones, oldest first. */
  answers: StudentAnswer[];
  myAttendance: MyAttendance | null;
}

export interface PastTopic {
  topic: TopicView;
  answerCount: number;
}

export interface StaffLiveState extends CommonState {
  viewer: "staff";
  canManage: boolean;
  /** Every answer of the current topic, with names. */
  answers: StaffAnswer[];
  pastTopics: PastTopic[];
  /** Only while sign-in is open and for those who run it. */
  code: SignInCode | null;
  attendance: AttendanceCounts;
  lost: LostCounts;
}

export type LiveState = StudentLiveState | StaffLiveState;

/** Everything a screen needs to show the lesson's live session now: for first loads, late joiners and reconnects. */
export async function getLiveState(actor: Actor, lessonId: string): Promise<LiveState> {
  // Pages pass the id from the URL: a malformed one is a lesson that does not exist.
  const ref = LessonRefSchema.safeParse({ lessonId });
  if (!ref.success) throw new AppError("not_found");
  return liveStateFor(actor, await liveAccess(actor, ref.data.lessonId));
}

/** The state for an access already decided by liveAccess (the socket join authorizes, joins rooms, then reads). */
export async function liveStateFor(actor: Actor, access: LiveAccess): Promise<LiveState> {
  const { lessonId } = access;
  const [topic, session] = await Promise.all([findCurrentTopic(lessonId), findLatestSignIn(lessonId)]);
  const common = { lessonId, topic: topic && topicView(topic), signIn: session && signInView(session) };
  const raw = topic ? await countTopicResults(topic) : null;

  if (access.viewer === "student") {
    const [answers, attendance] = await Promise.all([
      topic
        ? db.topicAnswer.findMany({
            where: { topicId: topic.id, OR: [{ studentId: actor.id }, { highlighted: true }] },
            orderBy: { createdAt: "asc" },
            select: answerSelect,
          })
        : [],
      db.attendance.findUnique({ where: { lessonId_studentId: { lessonId, studentId: actor.id } } }),
    ]);
    return {
      ...common,
      viewer: "student",
      results: topic && raw && resultsFor("student", topic, raw),
      answers: topic ? answers.map((answer) => studentAnswerView(answer, topic, actor.id)) : [],
      myAttendance: attendance && myAttendanceView(attendance),
    };
  }

  const [answers, pastTopics, attendance, lost] = await Promise.all([
    topic ? db.topicAnswer.findMany({ where: { topicId: topic.id }, orderBy: { createdAt: "asc" }, select: answerSelect }) : [],
    listPastTopics(lessonId),
    countAttendance(lessonId, access.courseId),
    countLost(lessonId),
  ]);
  return {
    ...common,
    viewer: "staff",
    canManage: access.canManage,
    results: topic && raw && resultsFor("staff", topic, raw),
    answers: answers.map(staffAnswerView),
    pastTopics: pastTopics.filter((past) => past.topic.id !== topic?.id).map((past) => ({ topic: topicView(past.topic), answerCount: past.answerCount })),
    code: access.canManage && session && !session.closedAt ? signInCodeView(session.secret) : null,
    attendance,
    lost,
  };
}
