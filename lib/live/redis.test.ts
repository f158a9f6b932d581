import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeAll, connectClient, emitToUser, nextEvent, sessionCookie, startSocketServer } from "@/tests/socket-helpers";
import type { ServerEventPayload } from "./events";
import { setIo } from "./io";
import { openTopic } from "./open-topic";
import { stopLivePublishing } from "./publish";
import { discussion, makeLiveSchool } from "./test-fixtures";

const SECRET = randomBytes(32).toString("hex");
const REDIS_URL = process.env.REDIS_URL;

describe.skipIf(!REDIS_URL)("live lesson across two instances (Redis)", () => {
  afterAll(async () => {
    setIo(undefined);
    stopLivePublishing();
    await closeAll();
  });

  it("delivers a topic opened through instance B to a student connected to instance A, and the answer back to B's board", async () => {
    const a = await startSocketServer({ secret: SECRET, redisUrl: REDIS_URL });
    const b = await startSocketServer({ secret: SECRET, redisUrl: REDIS_URL });
    const { lesson, student, teacher, as } = await makeLiveSchool();
    const { socket: onA, error } = await connectClient(a.url, await sessionCookie(student.id, SECRET));
    const { socket: boardOnB } = await connectClient(b.url, await sessionCookie(teacher.id, SECRET));
    expect(error).toBeUndefined();
    expect(await onA.emitWithAck("live:join", { lessonId: lesson.id })).toMatchObject({ ok: true });
    expect(await boardOnB.emitWithAck("live:join", { lessonId: lesson.id })).toMatchObject({ ok: true });

    // The adapters subscribe in the background: wait until B's broadcasts reach A (and A's reach B).
    for (const [from, to, userId] of [[b, onA, student.id], [a, boardOnB, teacher.id]] as const) {
      const ready = nextEvent(to, "test:ready", 5000);
      const timer = setInterval(() => emitToUser(from.io, userId, "test:ready", 1), 100);
      await ready.finally(() => clearInterval(timer));
    }

    // The domain function publishes through the server it is given; here that is instance B.
    setIo(b.io);
    const received = nextEvent<ServerEventPayload<"live:topic-opened">>(onA, "live:topic-opened", 5000);
    const topic = await openTopic(as.teacher, discussion(lesson.id));
    expect((await received).topic).toMatchObject({ id: topic.id, lessonId: lesson.id, status: "OPEN" });

    // A's handler answers; the board on B gets it.
    setIo(a.io);
    const onBoard = nextEvent<ServerEventPayload<"live:answers-added">>(boardOnB, "live:answers-added", 5000);
    expect(await onA.emitWithAck("live:answer", { topicId: topic.id, text: "来自 A 的回答" })).toMatchObject({ ok: true });
    expect((await onBoard).answers).toEqual([expect.objectContaining({ text: "来自 A 的回答", studentId: student.id })]);
  });
});
