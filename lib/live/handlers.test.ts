import { randomBytes } from "node:crypto";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { ActionResult } from "@/lib/errors";
import { closeAll, connectClient, nextEvent, sessionCookie, startSocketServer } from "@/tests/socket-helpers";
import type { ServerEventPayload } from "./events";
import type { StaffLiveState, StudentLiveState } from "./get-live-state";
import { setIo } from "./io";
import { stopLivePublishing } from "./publish";
import { discussion, freshLimits, makeLiveSchool, poll } from "./test-fixtures";

const SECRET = randomBytes(32).toString("hex");
let server: Awaited<ReturnType<typeof startSocketServer>>;

beforeAll(async () => {
  server = await startSocketServer({ secret: SECRET });
  setIo(server.io);
});
afterAll(async () => {
  setIo(undefined);
  stopLivePublishing();
  await closeAll();
});
beforeEach(freshLimits);

async function connect(userId: string) {
  const { socket, error } = await connectClient(server.url, await sessionCookie(userId, SECRET));
  if (error) throw error;
  return socket;
}

function call<T = unknown>(socket: Socket, event: string, payload?: unknown): Promise<ActionResult<T>> {
  return socket.timeout(5000).emitWithAck(event, payload);
}

async function joined<T>(socket: Socket, lessonId: string): Promise<T> {
  const result = await call<T>(socket, "live:join", { lessonId });
  if (!result.ok) throw new Error(`join failed: ${result.code}`);
  return result.data;
}

/** Collects an event's payloads; `silent` proves none came by waiting for a later event on the same socket. */
function collect<E extends keyof import("./events").LiveServerEvents>(socket: Socket, event: E) {
  const seen: ServerEventPayload<E>[] = [];
  socket.on(event as string, (payload: ServerEventPayload<E>) => seen.push(payload));
  return seen;
}

async function classroom() {
  const school = await makeLiveSchool();
  const [teacher, student, student2, outsider] = await Promise.all(
    [school.teacher, school.student, school.student2, school.outsider].map((u) => connect(u.id)),
  );
  return { ...school, sockets: { teacher, student, student2, outsider } };
}

describe("joining a lesson", () => {
  it("lets enrolled students and staff in with the live state, and nobody else", async () => {
    const { lesson, sockets, as } = await classroom();
    const studentState = await joined<StudentLiveState>(sockets.student, lesson.id);
    expect(studentState).toMatchObject({ viewer: "student", lessonId: lesson.id, topic: null, answers: [] });
    const staffState = await joined<StaffLiveState>(sockets.teacher, lesson.id);
    expect(staffState).toMatchObject({ viewer: "staff", canManage: true });
    expect(await call(sockets.outsider, "live:join", { lessonId: lesson.id })).toEqual({ ok: false, code: "not_found" });
    const other = await connect((await db.user.findFirstOrThrow({ where: { id: as.otherTeacher.id } })).id);
    expect(await call(other, "live:join", { lessonId: lesson.id })).toEqual({ ok: false, code: "not_found" });
    expect(await call(sockets.student, "live:join", { lessonId: "c-missing" })).toEqual({ ok: false, code: "not_found" });
    const [outsiderSocket] = await server.io.in(`user:${as.outsider.id}`).fetchSockets();
    expect([...outsiderSocket.rooms]).not.toContain(`lesson:${lesson.id}`);
    const [studentSocket] = await server.io.in(`user:${as.student.id}`).fetchSockets();
    expect([...studentSocket.rooms]).toContain(`lesson:${lesson.id}`);
    expect([...studentSocket.rooms]).not.toContain(`lesson:${lesson.id}:staff`);
  });

  it("answers malformed events with validation and keeps the socket working", async () => {
    const { lesson, sockets } = await classroom();
    for (const payload of [undefined, null, 42, "x", {}, { lessonId: "" }, { lessonId: 7 }]) {
      expect(await call(sockets.student, "live:join", payload)).toMatchObject({ ok: false, code: "validation" });
    }
    expect(await call(sockets.student, "live:answer", { topicId: "t", choices: "all" })).toMatchObject({ ok: false, code: "validation" });
    sockets.student.emit("live:join", { lessonId: lesson.id }); // no ack: must not crash the handler
    expect((await call(sockets.student, "live:join", { lessonId: lesson.id })).ok).toBe(true);
  });

  it("refuses staff events to students", async () => {
    const { lesson, sockets } = await classroom();
    expect(await call(sockets.student, "live:topic-open", discussion(lesson.id))).toEqual({ ok: false, code: "auth.forbidden" });
    expect(await call(sockets.student, "live:signin-open", { lessonId: lesson.id })).toEqual({ ok: false, code: "auth.forbidden" });
    expect(await call(sockets.student, "live:signin-code", { lessonId: lesson.id })).toEqual({ ok: false, code: "auth.forbidden" });
    expect(await call(sockets.outsider, "live:answer", { topicId: "c-missing", text: "x" })).toEqual({ ok: false, code: "not_found" });
    expect(await db.topic.count({ where: { lessonId: lesson.id } })).toBe(0);
  });
});

describe("a topic in class", () => {
  it("reaches every student in the room at once; answers reach the board; highlights reach the students", async () => {
    const { lesson, sockets, as } = await classroom();
    await Promise.all([sockets.student, sockets.student2, sockets.teacher].map((s) => joined(s, lesson.id)));
    const outsiderGot = collect(sockets.outsider, "live:topic-opened");
    const student2Answers = collect(sockets.student2, "live:answers-added");

    const received = [sockets.student, sockets.student2].map((s) => nextEvent<ServerEventPayload<"live:topic-opened">>(s, "live:topic-opened"));
    const opened = await call<{ id: string }>(sockets.teacher, "live:topic-open", discussion(lesson.id, { anonymous: true }));
    expect(opened.ok).toBe(true);
    const topicId = opened.ok ? opened.data.id : "";
    for (const got of await Promise.all(received)) expect(got.topic).toMatchObject({ id: topicId, status: "OPEN", anonymous: true });

    const onBoard = nextEvent<ServerEventPayload<"live:answers-added">>(sockets.teacher, "live:answers-added");
    const answered = await call<{ id: string; mine: boolean }>(sockets.student, "live:answer", { topicId, text: "<b>二尖瓣</b>狭窄" });
    expect(answered).toMatchObject({ ok: true, data: { mine: true, text: "<b>二尖瓣</b>狭窄" } });
    const answerId = answered.ok ? answered.data.id : "";
    const board = await onBoard;
    expect(board.answers).toEqual([expect.objectContaining({ id: answerId, studentName: as.student.name, studentId: as.student.id })]);

    const highlighted = [sockets.student, sockets.student2].map((s) => nextEvent<ServerEventPayload<"live:answer-highlighted">>(s, "live:answer-highlighted"));
    expect(await call(sockets.teacher, "live:answer-highlight", { answerId })).toMatchObject({ ok: true });
    for (const got of await Promise.all(highlighted)) {
      expect(got.answer).toMatchObject({ id: answerId, highlighted: true, studentName: null });
      expect(got.answer).not.toHaveProperty("studentId");
    }

    const closed = nextEvent<ServerEventPayload<"live:topic-closed">>(sockets.student2, "live:topic-closed");
    expect(await call(sockets.teacher, "live:topic-close", { topicId })).toMatchObject({ ok: true });
    expect((await closed).topic).toMatchObject({ id: topicId, status: "CLOSED" });
    expect(await call(sockets.student2, "live:answer", { topicId, text: "晚了" })).toEqual({ ok: false, code: "live.topic_closed" });

    expect(outsiderGot).toEqual([]);
    expect(student2Answers).toEqual([]);
  });

  it("sends a teacher's reply to the author only, unless the answer is highlighted", async () => {
    const { lesson, sockets, as } = await classroom();
    await Promise.all([sockets.student, sockets.student2, sockets.teacher].map((s) => joined(s, lesson.id)));
    const opened = await call<{ id: string }>(sockets.teacher, "live:topic-open", discussion(lesson.id));
    const topicId = opened.ok ? opened.data.id : "";
    const answered = await call<{ id: string }>(sockets.student, "live:answer", { topicId, text: "回答" });
    const answerId = answered.ok ? answered.data.id : "";
    const otherGot = collect(sockets.student2, "live:answer-updated");
    const authorGets = nextEvent<ServerEventPayload<"live:answer-updated">>(sockets.student, "live:answer-updated");
    await call(sockets.teacher, "live:answer-reply", { answerId, reply: "思路正确" });
    expect((await authorGets).answer).toMatchObject({ id: answerId, teacherReply: "思路正确", studentName: as.student.name });
    // The highlight that follows travels the same path to student2; once it arrived, a leaked reply would have too.
    const highlight = nextEvent(sockets.student2, "live:answer-highlighted");
    await call(sockets.teacher, "live:answer-highlight", { answerId });
    await highlight;
    expect(otherGot).toEqual([]);
  });

  it("gives a student who joins late the open topic", async () => {
    const { lesson, sockets } = await classroom();
    await joined(sockets.teacher, lesson.id);
    const opened = await call<{ id: string }>(sockets.teacher, "live:topic-open", poll(lesson.id));
    const state = await joined<StudentLiveState>(sockets.student, lesson.id);
    expect(state.topic).toMatchObject({ id: opened.ok ? opened.data.id : "", kind: "POLL_SINGLE", status: "OPEN" });
    expect(state.results).toMatchObject({ answerCount: 0, counts: [0, 0, 0] });
  });

  it("streams poll results to students while the poll shows them live", async () => {
    const { lesson, sockets } = await classroom();
    await Promise.all([sockets.student, sockets.student2, sockets.teacher].map((s) => joined(s, lesson.id)));
    const opened = await call<{ id: string }>(sockets.teacher, "live:topic-open", poll(lesson.id));
    const topicId = opened.ok ? opened.data.id : "";
    const results = nextEvent<ServerEventPayload<"live:topic-results">>(sockets.student2, "live:topic-results");
    await call(sockets.student, "live:answer", { topicId, choices: [2] });
    expect((await results).results).toEqual({ topicId, answerCount: 1, counts: [0, 0, 1] });
  });
});

describe("sign-in and 不懂 over the socket", () => {
  it("opens sign-in for the room, checks a student in and updates the board's counts", async () => {
    const { lesson, sockets } = await classroom();
    await Promise.all([sockets.student, sockets.teacher].map((s) => joined(s, lesson.id)));
    const announced = nextEvent<ServerEventPayload<"live:signin-opened">>(sockets.student, "live:signin-opened");
    const opened = await call<{ code: { code: string } }>(sockets.teacher, "live:signin-open", { lessonId: lesson.id });
    expect((await announced).signIn.closedAt).toBeNull();
    const code = opened.ok ? opened.data.code.code : "";
    expect(await call(sockets.student, "live:check-in", { lessonId: lesson.id, code: code === "000000" ? "999999" : "000000" })).toEqual({
      ok: false,
      code: "live.signin_code_invalid",
    });
    const counts = new Promise<ServerEventPayload<"live:attendance">>((resolve) =>
      sockets.teacher.on("live:attendance", (payload: ServerEventPayload<"live:attendance">) => payload.counts.present && resolve(payload)),
    );
    expect(await call(sockets.student, "live:check-in", { lessonId: lesson.id, code })).toMatchObject({ ok: true, data: { status: "PRESENT" } });
    expect((await counts).counts).toEqual({ enrolled: 2, present: 1, late: 0, absent: 0 });
  });

  it("shows a 不懂 press on the board", async () => {
    const { lesson, sockets } = await classroom();
    await Promise.all([sockets.student, sockets.teacher].map((s) => joined(s, lesson.id)));
    const counted = nextEvent<ServerEventPayload<"live:lost-count">>(sockets.teacher, "live:lost-count");
    expect(await call(sockets.student, "live:lost", { lessonId: lesson.id })).toMatchObject({ ok: true });
    expect((await counted).lost.recent).toBe(1);
    expect(await call(sockets.student, "live:lost", { lessonId: lesson.id })).toEqual({ ok: false, code: "live.rate_limited" });
  });
});
