import { describe, expect, it } from "vitest";
import type { StaffAnswer, StudentAnswer, TopicView } from "./events";
import type { StaffLiveState, StudentLiveState } from "./get-live-state";
import { applyStaffEvent, applyStudentEvent, withMyAnswer } from "./reduce-live-state";

const at = "2026-11-25T08:00:00.000Z";
const topic = (overrides: Partial<TopicView> = {}): TopicView => ({
  id: "t1",
  lessonId: "l1",
  kind: "DISCUSSION",
  prompt: "?",
  options: [],
  liveResults: true,
  anonymous: true,
  status: "OPEN",
  openedAt: at,
  closedAt: null,
  ...overrides,
});
const studentAnswer = (overrides: Partial<StudentAnswer> = {}): StudentAnswer => ({
  id: "a1",
  topicId: "t1",
  studentName: null,
  text: "回答",
  choices: [],
  highlighted: false,
  teacherReply: null,
  createdAt: at,
  updatedAt: at,
  ...overrides,
});
const staffAnswer = (overrides: Partial<StaffAnswer> = {}): StaffAnswer => ({
  ...studentAnswer(),
  studentId: "s1",
  studentName: "张三",
  studentNo: "2023001",
  source: "WEB",
  ...overrides,
});

const student = (overrides: Partial<StudentLiveState> = {}): StudentLiveState => ({
  viewer: "student",
  lessonId: "l1",
  topic: null,
  results: null,
  signIn: null,
  answers: [],
  myAttendance: null,
  ...overrides,
});

const staff = (overrides: Partial<StaffLiveState> = {}): StaffLiveState => ({
  viewer: "staff",
  canManage: true,
  lessonId: "l1",
  topic: null,
  results: null,
  signIn: null,
  answers: [],
  pastTopics: [],
  code: null,
  attendance: { enrolled: 2, present: 0, late: 0, absent: 0 },
  lost: { since: at, perMinute: [], recent: 0 },
  ...overrides,
});

describe("a student's live state", () => {
  it("shows a newly opened topic and forgets the answers of the previous one", () => {
    const before = student({ topic: topic({ id: "t0", status: "CLOSED" }), answers: [studentAnswer({ topicId: "t0", mine: true })] });
    const after = applyStudentEvent(before, { event: "live:topic-opened", payload: { topic: topic() } });
    expect(after.topic?.id).toBe("t1");
    expect(after.answers).toEqual([]);
    expect(applyStudentEvent(after, { event: "live:topic-opened", payload: { topic: topic() } })).toBe(after);
  });

  it("keeps the student's own name on their highlighted answer of an anonymous topic", () => {
    const mine = withMyAnswer(student({ topic: topic() }), studentAnswer({ studentName: "我", mine: true }));
    const highlighted = applyStudentEvent(mine, { event: "live:answer-highlighted", payload: { answer: studentAnswer({ highlighted: true }) } });
    expect(highlighted.answers).toEqual([expect.objectContaining({ id: "a1", highlighted: true, mine: true, studentName: "我" })]);
    const taken = applyStudentEvent(highlighted, { event: "live:answer-highlighted", payload: { answer: studentAnswer({ highlighted: false }) } });
    expect(taken.answers).toEqual([expect.objectContaining({ id: "a1", highlighted: false, mine: true })]);
  });

  it("adds classmates' answers when highlighted and removes them when taken back", () => {
    const other = studentAnswer({ id: "a2", highlighted: true });
    const shown = applyStudentEvent(student({ topic: topic() }), { event: "live:answer-highlighted", payload: { answer: other } });
    expect(shown.answers).toEqual([{ ...other, mine: false }]);
    const again = applyStudentEvent(shown, { event: "live:answer-highlighted", payload: { answer: other } });
    expect(again.answers).toHaveLength(1);
    expect(applyStudentEvent(again, { event: "live:answer-highlighted", payload: { answer: { ...other, highlighted: false } } }).answers).toEqual([]);
  });

  it("records absence when sign-in closes without a check-in", () => {
    const signIn = { id: "s", openedAt: at, lateAfter: at, closedAt: at };
    expect(applyStudentEvent(student(), { event: "live:signin-closed", payload: { signIn } }).myAttendance).toEqual({ status: "ABSENT", checkedInAt: null });
    const present = student({ myAttendance: { status: "PRESENT", checkedInAt: at } });
    expect(applyStudentEvent(present, { event: "live:signin-closed", payload: { signIn } }).myAttendance?.status).toBe("PRESENT");
  });
});

describe("the board's live state", () => {
  it("merges batches by id and counts poll results from the answers", () => {
    const poll = topic({ kind: "POLL_MULTIPLE", options: ["甲", "乙"], anonymous: false });
    let state = applyStaffEvent(staff(), { event: "live:topic-opened", payload: { topic: poll } });
    state = applyStaffEvent(state, {
      event: "live:answers-added",
      payload: { topicId: "t1", answers: [staffAnswer({ choices: [0] }), staffAnswer({ id: "a2", studentId: "s2", choices: [0, 1] })] },
    });
    state = applyStaffEvent(state, { event: "live:answers-added", payload: { topicId: "t1", answers: [staffAnswer({ choices: [1] })] } });
    expect(state.answers.map((a) => [a.id, a.choices])).toEqual([["a1", [1]], ["a2", [0, 1]]]);
    expect(state.results).toEqual({ topicId: "t1", answerCount: 2, counts: [1, 2] });
    const ignored = applyStaffEvent(state, { event: "live:answers-added", payload: { topicId: "other", answers: [staffAnswer({ id: "x" })] } });
    expect(ignored).toBe(state);
  });

  it("moves the previous topic to the past topics when a new one opens", () => {
    const state = staff({ topic: topic({ id: "t0" }), answers: [staffAnswer({ topicId: "t0" })] });
    const after = applyStaffEvent(state, { event: "live:topic-opened", payload: { topic: topic() } });
    expect(after.pastTopics).toEqual([{ topic: expect.objectContaining({ id: "t0", status: "CLOSED" }), answerCount: 1 }]);
    expect(after.answers).toEqual([]);
  });
});
