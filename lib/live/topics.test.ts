import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { storeAnswer } from "./answer-store";
import { answerTopic } from "./answer-topic";
import { closeTopic } from "./close-topic";
import { getLiveState, type StaffLiveState, type StudentLiveState } from "./get-live-state";
import { getLostCounts } from "./get-lost-counts";
import { highlightAnswer, replyToAnswer } from "./highlight-answer";
import { openTopic } from "./open-topic";
import { pressLost } from "./press-lost";
import { discussion, freshLimits, makeLiveSchool, poll } from "./test-fixtures";

beforeEach(freshLimits);

type Actor = Parameters<typeof getLiveState>[0];
const studentState = async (actor: Actor, lessonId: string) => (await getLiveState(actor, lessonId)) as StudentLiveState;
const staffState = async (actor: Actor, lessonId: string) => (await getLiveState(actor, lessonId)) as StaffLiveState;

describe("opening a topic", () => {
  it("opens a discussion or poll, closes the one still open and raises events", async () => {
    const { lesson, as } = await makeLiveSchool();
    const first = await openTopic(as.teacher, discussion(lesson.id));
    expect(first).toMatchObject({ kind: "DISCUSSION", status: "OPEN", options: [], liveResults: true, anonymous: false });
    const second = await openTopic(as.teacher, poll(lesson.id, { options: ["甲", " ", "乙", ""], anonymous: true, liveResults: false }));
    expect(second).toMatchObject({ kind: "POLL_SINGLE", options: ["甲", "乙"], anonymous: true, liveResults: false });
    expect(await db.topic.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: "CLOSED" });
    const events = await db.domainEvent.findMany({ where: { lessonId: lesson.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(events.map((e) => [e.type, e.subjectId])).toEqual([
      ["live.topic_opened", first.id],
      ["live.topic_closed", first.id],
      ["live.topic_opened", second.id],
    ]);
  });

  it.each([
    ["one option", { options: ["甲"] }],
    ["nine options", { options: ["1", "2", "3", "4", "5", "6", "7", "8", "9"] }],
    ["the same option twice", { options: ["甲", "甲"] }],
    ["blank options only", { options: ["", " "] }],
  ])("refuses a poll with %s", async (_name, overrides) => {
    const { lesson, as } = await makeLiveSchool();
    await expect(openTopic(as.teacher, poll(lesson.id, overrides))).rejects.toMatchObject({ code: "live.poll_options" });
    expect(await db.topic.count({ where: { lessonId: lesson.id } })).toBe(0);
  });

  it.each([
    ["an empty prompt", { prompt: "  " }],
    ["an overlong prompt", { prompt: "x".repeat(501) }],
    ["an unknown kind", { kind: "QUIZ" }],
  ])("refuses %s", async (_name, overrides) => {
    const { lesson, as } = await makeLiveSchool();
    await expect(openTopic(as.teacher, discussion(lesson.id, overrides))).rejects.toMatchObject({ name: "ZodError" });
    expect(await db.topic.count({ where: { lessonId: lesson.id } })).toBe(0);
  });

  it.each([
    ["a student", "student", "auth.forbidden"],
    ["the assistant", "assistant", "auth.forbidden"],
    ["another teacher", "otherTeacher", "not_found"],
    ["an outsider", "outsider", "not_found"],
  ] as const)("is refused to %s", async (_name, who, code) => {
    const { lesson, as } = await makeLiveSchool();
    await expect(openTopic(as[who], discussion(lesson.id))).rejects.toMatchObject({ code });
    const open = await openTopic(as.teacher, discussion(lesson.id));
    await expect(closeTopic(as[who], { topicId: open.id })).rejects.toMatchObject({ code });
    expect(await db.topic.count({ where: { lessonId: lesson.id, status: "OPEN" } })).toBe(1);
  });
});

describe("answering", () => {
  it("takes several discussion answers and lets the author edit them until the teacher picks one", async () => {
    const { lesson, as } = await makeLiveSchool();
    const topic = await openTopic(as.teacher, discussion(lesson.id));
    const a = await answerTopic(as.student, { topicId: topic.id, text: "  二尖瓣狭窄  " });
    expect(a).toMatchObject({ text: "二尖瓣狭窄", mine: true, studentName: as.student.name, highlighted: false });
    await answerTopic(as.student, { topicId: topic.id, text: "也可能是风湿性心脏病" });
    const edited = await answerTopic(as.student, { topicId: topic.id, answerId: a.id, text: "二尖瓣狭窄（舒张期隆隆样杂音）" });
    expect(edited).toMatchObject({ id: a.id, text: "二尖瓣狭窄（舒张期隆隆样杂音）" });
    await expect(answerTopic(as.student2, { topicId: topic.id, answerId: a.id, text: "改掉" })).rejects.toMatchObject({ code: "not_found" });
    await highlightAnswer(as.teacher, { answerId: a.id });
    await expect(answerTopic(as.student, { topicId: topic.id, answerId: a.id, text: "再改" })).rejects.toMatchObject({ code: "live.answer_locked" });
    expect(await db.topicAnswer.count({ where: { topicId: topic.id } })).toBe(2);
  });

  it("keeps one poll answer per student: answering again replaces it", async () => {
    const { lesson, as } = await makeLiveSchool();
    const topic = await openTopic(as.teacher, poll(lesson.id, { kind: "POLL_MULTIPLE" }));
    const first = await answerTopic(as.student, { topicId: topic.id, choices: [0] });
    const second = await answerTopic(as.student, { topicId: topic.id, choices: [2, 1, 2] });
    expect(second).toMatchObject({ id: first.id, choices: [1, 2], text: "" });
    await answerTopic(as.student2, { topicId: topic.id, choices: [1] });
    expect(await db.topicAnswer.count({ where: { topicId: topic.id } })).toBe(2);
    expect((await staffState(as.teacher, lesson.id)).results).toEqual({ topicId: topic.id, answerCount: 2, counts: [0, 2, 1] });
  });

  it("writes answers arriving together in one batch, each to its student", async () => {
    const { lesson, as } = await makeLiveSchool();
    const topic = await openTopic(as.teacher, poll(lesson.id));
    const [a, b] = await Promise.all([
      answerTopic(as.student, { topicId: topic.id, choices: [0] }),
      answerTopic(as.student2, { topicId: topic.id, choices: [1] }),
      answerTopic(as.student, { topicId: topic.id, choices: [2] }),
    ]);
    const rows = await db.topicAnswer.findMany({ where: { topicId: topic.id } });
    expect(Object.fromEntries(rows.map((r) => [r.studentId, r.choices]))).toEqual({ [as.student.id]: [2], [as.student2.id]: [1] });
    expect(a.choices).toEqual([2]);
    expect(b.choices).toEqual([1]);
  });

  it.each([
    ["no text for a discussion", "discussion", { text: "   " }, "live.answer_empty"],
    ["no choice for a poll", "poll", { choices: [] }, "live.invalid_choices"],
    ["two choices for a single-choice poll", "poll", { choices: [0, 1] }, "live.invalid_choices"],
    ["an option that does not exist", "poll", { choices: [3] }, "live.invalid_choices"],
  ] as [string, "poll" | "discussion", { text?: string; choices?: number[] }, string][])("refuses %s", async (_name, kind, input, code) => {
    const { lesson, as } = await makeLiveSchool();
    const topic = await openTopic(as.teacher, kind === "poll" ? poll(lesson.id) : discussion(lesson.id));
    await expect(answerTopic(as.student, { topicId: topic.id, ...input })).rejects.toMatchObject({ code });
    expect(await db.topicAnswer.count({ where: { topicId: topic.id } })).toBe(0);
  });

  it("refuses text over 1000 characters", async () => {
    const { lesson, as } = await makeLiveSchool();
    const topic = await openTopic(as.teacher, discussion(lesson.id));
    await expect(answerTopic(as.student, { topicId: topic.id, text: "x".repeat(1001) })).rejects.toMatchObject({ name: "ZodError" });
    expect((await answerTopic(as.student, { topicId: topic.id, text: "x".repeat(1000) })).text).toHaveLength(1000);
  });

  it("refuses answers to a closed topic with a clear code", async () => {
    const { lesson, as } = await makeLiveSchool();
    const topic = await openTopic(as.teacher, discussion(lesson.id));
    const mine = await answerTopic(as.student, { topicId: topic.id, text: "先答一条" });
    await closeTopic(as.teacher, { topicId: topic.id });
    await expect(answerTopic(as.student, { topicId: topic.id, text: "晚了" })).rejects.toMatchObject({ code: "live.topic_closed" });
    await expect(answerTopic(as.student, { topicId: topic.id, answerId: mine.id, text: "改" })).rejects.toMatchObject({ code: "live.topic_closed" });
    expect(await db.topicAnswer.count({ where: { topicId: topic.id } })).toBe(1);
  });

  it.each([
    ["a student outside the course", "outsider", "not_found"],
    ["another teacher", "otherTeacher", "not_found"],
    ["the course's teacher", "teacher", "auth.forbidden"],
    ["the department admin", "deptAdmin", "auth.forbidden"],
  ] as const)("is refused to %s, and nothing is stored", async (_name, who, code) => {
    const { lesson, as } = await makeLiveSchool();
    const topic = await openTopic(as.teacher, discussion(lesson.id));
    await expect(answerTopic(as[who], { topicId: topic.id, text: "我也来" })).rejects.toMatchObject({ code });
    await expect(answerTopic(as[who], { topicId: topic.id, text: "" })).rejects.toMatchObject({ code });
    await expect(pressLost(as[who], { lessonId: lesson.id })).rejects.toMatchObject({ code });
    expect(await db.topicAnswer.count({ where: { topicId: topic.id } })).toBe(0);
    expect(await db.lostSignal.count({ where: { lessonId: lesson.id } })).toBe(0);
  });

  it("answers not_found for a topic that does not exist", async () => {
    const { as } = await makeLiveSchool();
    await expect(answerTopic(as.student, { topicId: "c-missing", text: "?" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("limits a student to 5 answers in 10 seconds", async () => {
    const { lesson, as } = await makeLiveSchool();
    const topic = await openTopic(as.teacher, discussion(lesson.id));
    for (let i = 0; i < 5; i++) await answerTopic(as.student, { topicId: topic.id, text: `第${i}条` });
    await expect(answerTopic(as.student, { topicId: topic.id, text: "第6条" })).rejects.toMatchObject({ code: "live.rate_limited" });
    expect(await db.topicAnswer.count({ where: { topicId: topic.id } })).toBe(5);
    await answerTopic(as.student2, { topicId: topic.id, text: "别人不受影响" });
  });

  it("cleans text the database cannot store (NUL, lone surrogates) without failing classmates' answers", async () => {
    const { lesson, as } = await makeLiveSchool();
    const topic = await openTopic(as.teacher, discussion(lesson.id));
    const [odd, normal] = await Promise.all([
      answerTopic(as.student, { topicId: topic.id, text: "a\u0000b\uD800c" }),
      answerTopic(as.student2, { topicId: topic.id, text: "正常的回答" }),
    ]);
    expect(odd.text).toBe("ab\uFFFDc");
    expect(normal.text).toBe("正常的回答");
  });

  it("writes the rest of a batch when one row cannot be written", async () => {
    const { lesson, as } = await makeLiveSchool();
    const topic = await openTopic(as.teacher, discussion(lesson.id));
    const write = (studentId: string, text: string) => storeAnswer({ topicId: topic.id, studentId, text, choices: [], replace: false });
    const [bad, good] = await Promise.allSettled([write(as.student.id, "\u0000"), write(as.student2.id, "好")]);
    expect(bad.status).toBe("rejected");
    expect(good).toMatchObject({ status: "fulfilled", value: { text: "好" } });
    expect(await db.topicAnswer.count({ where: { topicId: topic.id } })).toBe(1);
  });

  it("stores an XSS payload as text and returns it unchanged", async () => {
    const { lesson, as } = await makeLiveSchool();
    const topic = await openTopic(as.teacher, discussion(lesson.id));
    const payload = `<img src=x onerror="alert(1)"><script>alert('x')</script>`;
    const mine = await answerTopic(as.student, { topicId: topic.id, text: payload });
    expect(mine.text).toBe(payload);
    expect((await db.topicAnswer.findUniqueOrThrow({ where: { id: mine.id } })).text).toBe(payload);
    expect((await staffState(as.teacher, lesson.id)).answers[0].text).toBe(payload);
  });
});

describe("what each side sees", () => {
  it("hides classmates' names on anonymous topics from students, never from the teacher", async () => {
    const { lesson, as } = await makeLiveSchool();
    const topic = await openTopic(as.teacher, discussion(lesson.id, { anonymous: true }));
    const other = await answerTopic(as.student2, { topicId: topic.id, text: "同学的回答" });
    const mine = await answerTopic(as.student, { topicId: topic.id, text: "我的回答" });
    await answerTopic(as.student2, { topicId: topic.id, text: "没被选中的回答" });
    await highlightAnswer(as.teacher, { answerId: other.id });
    await replyToAnswer(as.teacher, { answerId: other.id, reply: "很好" });

    const seen = await studentState(as.student, lesson.id);
    expect(seen.answers.map((a) => [a.text, a.studentName, a.mine])).toEqual([
      ["同学的回答", null, false],
      ["我的回答", as.student.name, true],
    ]);
    expect(seen.answers[0]).toMatchObject({ highlighted: true, teacherReply: "很好" });
    expect(JSON.stringify(seen)).not.toContain(as.student2.id);
    expect(JSON.stringify(seen)).not.toContain(as.student2.name);

    const board = await staffState(as.teacher, lesson.id);
    expect(board.answers.map((a) => a.studentName)).toEqual([as.student2.name, as.student.name, as.student2.name]);
    expect(board.answers[1]).toMatchObject({ id: mine.id, studentId: as.student.id, studentNo: as.student.no });
  });

  it("shows names of highlighted answers on ordinary topics", async () => {
    const { lesson, as } = await makeLiveSchool();
    const topic = await openTopic(as.teacher, discussion(lesson.id));
    const other = await answerTopic(as.student2, { topicId: topic.id, text: "同学的回答" });
    await highlightAnswer(as.teacher, { answerId: other.id });
    expect((await studentState(as.student, lesson.id)).answers[0]).toMatchObject({ studentName: as.student2.name, mine: false });
    await highlightAnswer(as.teacher, { answerId: other.id, highlighted: false });
    expect((await studentState(as.student, lesson.id)).answers).toEqual([]);
  });

  it("keeps poll results from students until the poll closes when results are not live", async () => {
    const { lesson, as } = await makeLiveSchool();
    const topic = await openTopic(as.teacher, poll(lesson.id, { liveResults: false }));
    await answerTopic(as.student, { topicId: topic.id, choices: [1] });
    expect((await studentState(as.student2, lesson.id)).results).toEqual({ topicId: topic.id, answerCount: 1, counts: null });
    expect((await staffState(as.teacher, lesson.id)).results?.counts).toEqual([0, 1, 0]);
    const closed = await closeTopic(as.teacher, { topicId: topic.id });
    expect(closed.results.counts).toEqual([0, 1, 0]);
    const after = await studentState(as.student2, lesson.id);
    expect(after.topic).toMatchObject({ id: topic.id, status: "CLOSED" });
    expect(after.results?.counts).toEqual([0, 1, 0]);
  });

  it("gives a late joiner the open topic, their answers and the highlighted ones", async () => {
    const { lesson, as } = await makeLiveSchool();
    const old = await openTopic(as.teacher, discussion(lesson.id, { prompt: "早先的话题" }));
    const topic = await openTopic(as.teacher, discussion(lesson.id));
    const highlighted = await answerTopic(as.student2, { topicId: topic.id, text: "被展示的回答" });
    await highlightAnswer(as.teacher, { answerId: highlighted.id });
    const state = await studentState(as.student, lesson.id);
    expect(state).toMatchObject({ viewer: "student", lessonId: lesson.id, topic: { id: topic.id, status: "OPEN" }, signIn: null, myAttendance: null });
    expect(state.answers.map((a) => a.id)).toEqual([highlighted.id]);
    expect(state.results).toEqual({ topicId: topic.id, answerCount: 1, counts: null });
    const board = await staffState(as.teacher, lesson.id);
    expect(board).toMatchObject({ canManage: true, code: null });
    expect(board.pastTopics.map((p) => p.topic.id)).toEqual([old.id]);
    expect((await staffState(as.deptAdmin, lesson.id)).canManage).toBe(false);
    await expect(getLiveState(as.outsider, lesson.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getLiveState(as.otherTeacher, lesson.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("lets only the course's teacher highlight and reply", async () => {
    const { lesson, as } = await makeLiveSchool();
    const topic = await openTopic(as.teacher, discussion(lesson.id));
    const answer = await answerTopic(as.student, { topicId: topic.id, text: "回答" });
    for (const [who, code] of [["student2", "auth.forbidden"], ["assistant", "auth.forbidden"], ["outsider", "not_found"]] as const) {
      await expect(highlightAnswer(as[who], { answerId: answer.id })).rejects.toMatchObject({ code });
      await expect(replyToAnswer(as[who], { answerId: answer.id, reply: "x" })).rejects.toMatchObject({ code });
    }
    expect(await db.topicAnswer.findUniqueOrThrow({ where: { id: answer.id } })).toMatchObject({ highlighted: false, teacherReply: null });
    const replied = await replyToAnswer(as.teacher, { answerId: answer.id, reply: "  注意鉴别诊断  " });
    expect(replied.teacherReply).toBe("注意鉴别诊断");
    expect((await replyToAnswer(as.teacher, { answerId: answer.id, reply: "" })).teacherReply).toBeNull();
  });
});

describe("不懂", () => {
  it("counts distinct students per minute and in the last two minutes", async () => {
    const { lesson, as } = await makeLiveSchool();
    await pressLost(as.student, { lessonId: lesson.id });
    await expect(pressLost(as.student, { lessonId: lesson.id })).rejects.toMatchObject({ code: "live.rate_limited" });
    await pressLost(as.student2, { lessonId: lesson.id });
    await db.lostSignal.create({ data: { lessonId: lesson.id, studentId: as.student.id, createdAt: new Date(Date.now() - 10 * 60_000) } });
    await db.lostSignal.create({ data: { lessonId: lesson.id, studentId: as.student.id, createdAt: new Date(Date.now() - 40 * 60_000) } });
    const lost = await getLostCounts(as.teacher, { lessonId: lesson.id });
    expect(lost.perMinute).toHaveLength(30);
    expect(lost.perMinute.at(-1)).toBe(2);
    expect(lost.perMinute.reduce((a, b) => a + b)).toBe(3);
    expect(lost.recent).toBe(2);
    expect(new Date(lost.since).getTime()).toBeLessThanOrEqual(Date.now() - 29 * 60_000);
    await expect(getLostCounts(as.student, { lessonId: lesson.id })).rejects.toMatchObject({ code: "auth.forbidden" });
  });
});
