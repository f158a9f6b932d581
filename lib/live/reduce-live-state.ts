import type { ServerEventName, ServerEventPayload, StaffAnswer, StudentAnswer, TopicResults, TopicView } from "./events";
import type { StaffLiveState, StudentLiveState } from "./get-live-state";

// How the live screens fold socket events into the state they got from joining. Pure, and used in the browser: only
// types come from the server modules. Every step is idempotent (merges by id), because a reconnect replays events
// that may already be in a fresh state.

export type LiveEvent = { [E in ServerEventName]: { event: E; payload: ServerEventPayload<E> } }[ServerEventName];

const isPoll = (topic: TopicView) => topic.kind !== "DISCUSSION";

function emptyResults(topic: TopicView, viewer: "student" | "staff"): TopicResults {
  const visible = isPoll(topic) && (viewer === "staff" || topic.liveResults || topic.status === "CLOSED");
  return { topicId: topic.id, answerCount: 0, counts: visible ? topic.options.map(() => 0) : null };
}

/** The board counts from the answers it holds: one poll answer per student, each choice counted. */
export function resultsOf(topic: TopicView, answers: StaffAnswer[]): TopicResults {
  const own = answers.filter((answer) => answer.topicId === topic.id);
  if (!isPoll(topic)) return { topicId: topic.id, answerCount: own.length, counts: null };
  const counts = topic.options.map(() => 0);
  const students = new Set<string>();
  for (const answer of own) {
    students.add(answer.studentId);
    for (const choice of answer.choices) if (choice < counts.length) counts[choice]++;
  }
  return { topicId: topic.id, answerCount: students.size, counts };
}

function upsertById<T extends { id: string }>(list: T[], items: T[], merge: (old: T | undefined, next: T) => T): T[] {
  const byId = new Map(list.map((item) => [item.id, item]));
  const added: T[] = [];
  for (const item of items) {
    const old = byId.get(item.id);
    const merged = merge(old, item);
    if (old) byId.set(item.id, merged);
    else added.push(merged);
  }
  return [...list.map((item) => byId.get(item.id)!), ...added];
}

/** A broadcast view of one's own answer has no name (anonymous topics) and no `mine`: keep what the student knew. */
function mergeStudentAnswer(old: StudentAnswer | undefined, next: StudentAnswer): StudentAnswer {
  if (!old?.mine) return { ...next, mine: old?.mine ?? next.mine ?? false };
  return { ...next, mine: true, studentName: old.studentName };
}

export function applyStudentEvent(state: StudentLiveState, { event, payload }: LiveEvent): StudentLiveState {
  switch (event) {
    case "live:topic-opened":
      if (state.topic?.id === payload.topic.id) return state;
      return { ...state, topic: payload.topic, answers: [], results: emptyResults(payload.topic, "student") };
    case "live:topic-closed":
      if (state.topic && state.topic.id !== payload.topic.id && state.topic.status === "OPEN") return state;
      return {
        ...state,
        topic: payload.topic,
        results: payload.results,
        answers: state.topic?.id === payload.topic.id ? state.answers : [],
      };
    case "live:topic-results":
      return state.topic?.id === payload.results.topicId ? { ...state, results: payload.results } : state;
    case "live:answer-highlighted":
    case "live:answer-updated": {
      const { answer } = payload;
      if (state.topic?.id !== answer.topicId) return state;
      const old = state.answers.find((a) => a.id === answer.id);
      if (!answer.highlighted && !old?.mine) return { ...state, answers: state.answers.filter((a) => a.id !== answer.id) };
      return { ...state, answers: upsertById(state.answers, [answer], mergeStudentAnswer) };
    }
    case "live:signin-opened":
      return { ...state, signIn: payload.signIn };
    case "live:signin-closed":
      // Closing records everyone without a check-in as absent.
      return { ...state, signIn: payload.signIn, myAttendance: state.myAttendance ?? { status: "ABSENT", checkedInAt: null } };
    default:
      return state;
  }
}

/** The student's own answer as the server acknowledged it. */
export function withMyAnswer(state: StudentLiveState, answer: StudentAnswer): StudentLiveState {
  if (state.topic?.id !== answer.topicId) return state;
  return { ...state, answers: upsertById(state.answers, [{ ...answer, mine: true }], (_old, next) => next) };
}

export function applyStaffEvent(state: StaffLiveState, { event, payload }: LiveEvent): StaffLiveState {
  switch (event) {
    case "live:topic-opened": {
      if (state.topic?.id === payload.topic.id) return state;
      const previous = state.topic;
      const pastTopics =
        previous && !state.pastTopics.some((past) => past.topic.id === previous.id)
          ? [{ topic: { ...previous, status: "CLOSED" as const }, answerCount: resultsOf(previous, state.answers).answerCount }, ...state.pastTopics]
          : state.pastTopics;
      return { ...state, topic: payload.topic, answers: [], results: emptyResults(payload.topic, "staff"), pastTopics };
    }
    case "live:topic-closed": {
      if (state.topic?.id === payload.topic.id) {
        return { ...state, topic: payload.topic, results: resultsOf(payload.topic, state.answers) };
      }
      return { ...state, pastTopics: state.pastTopics.map((past) => (past.topic.id === payload.topic.id ? { ...past, topic: payload.topic } : past)) };
    }
    case "live:answers-added": {
      if (!state.topic || state.topic.id !== payload.topicId) return state;
      const answers = upsertById(state.answers, payload.answers, (_old, next) => next);
      return { ...state, answers, results: resultsOf(state.topic, answers) };
    }
    case "live:signin-opened":
      return { ...state, signIn: payload.signIn, code: state.signIn?.id === payload.signIn.id ? state.code : null };
    case "live:signin-closed":
      return { ...state, signIn: payload.signIn, code: null };
    case "live:attendance":
      return payload.lessonId === state.lessonId ? { ...state, attendance: payload.counts } : state;
    case "live:lost-count":
      return payload.lessonId === state.lessonId ? { ...state, lost: payload.lost } : state;
    default:
      return state;
  }
}

/** An answer the teacher changed (highlight, reply), as the server acknowledged it. */
export function withStaffAnswer(state: StaffLiveState, answer: StaffAnswer): StaffLiveState {
  return applyStaffEvent(state, { event: "live:answers-added", payload: { topicId: answer.topicId, answers: [answer] } });
}
