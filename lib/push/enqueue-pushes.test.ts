import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { raiseEvent } from "@/lib/events/raise-event";
import { openTopic } from "@/lib/live/open-topic";
import { publishPackage } from "@/lib/preclass/publish-package";
import { actorOf, makeUser } from "@/tests/factories";
import { SUMMARY_LOOKBACK_MS, enqueueDueFeedbackSummaries } from "./enqueue-pushes";
import { queuePushesForRaisedEvents } from "./queue-raised-events";
import { makePushSchool, raise } from "./test-fixtures";

type School = Awaited<ReturnType<typeof makePushSchool>>;

const rowsOf = (lessonId: string) =>
  db.pushMessage.findMany({ where: { lessonId }, orderBy: { userId: "asc" }, select: { id: true, userId: true, kind: true, dedupeKey: true, eventId: true, urgent: true, status: true, title: true, url: true, time: true, nextAttemptAt: true } });

describe("enqueuePushesForEvent (raised events expanded by the dispatcher)", () => {
  let s: School;
  beforeEach(async () => {
    s = await makePushSchool(1);
  });

  it("writes one preclass_feedback row per enrolled student when the package is published", async () => {
    const { packageId } = await publishPackage(actorOf(s.teacher), { lessonId: s.lesson.id, opensAt: "2030-03-01T08:00", closesAt: "2030-03-04T20:00" });
    expect(await queuePushesForRaisedEvents()).toBeGreaterThan(0);
    expect(await queuePushesForRaisedEvents()).toBe(0);
    const rows = await rowsOf(s.lesson.id);
    expect(rows.map((r) => r.userId).sort()).toEqual(s.students.map((u) => u.id).sort());
    const event = await db.domainEvent.findFirstOrThrow({ where: { type: "preclass.published", lessonId: s.lesson.id } });
    for (const row of rows) {
      expect(row).toMatchObject({ kind: "preclass_feedback", status: "QUEUED", urgent: false, eventId: event.id });
      expect(row.dedupeKey).toBe(`preclass_feedback:${packageId}:${row.userId}`);
      expect(row.title).toBe(`${s.course.title} · ${s.lesson.title}`);
      expect(new URL(row.url).searchParams.get("next")).toBe(`/student/lessons/${s.lesson.id}/pre`);
      // The request's time is the feedback deadline (20:00 Shanghai).
      expect(row.time).toEqual(new Date("2030-03-04T12:00:00Z"));
      // Due now (written as UTC whatever the session's time zone), and an id that can be WeChat's client_msg_id.
      expect(Math.abs(row.nextAttemptAt.getTime() - Date.now())).toBeLessThan(60_000);
      expect(row.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    }
    // Teachers, assistants and people outside the course get nothing.
    expect(rows.map((r) => r.userId)).not.toContain(s.teacher.id);
    expect(rows.map((r) => r.userId)).not.toContain(s.outsider.id);
  });

  it("writes urgent live_topic rows when a topic is opened", async () => {
    const topic = await openTopic(actorOf(s.teacher), { lessonId: s.lesson.id, kind: "DISCUSSION", prompt: "杂音分级？", options: [], liveResults: true, anonymous: false });
    await queuePushesForRaisedEvents();
    const rows = await rowsOf(s.lesson.id);
    expect(rows).toHaveLength(s.students.length);
    for (const row of rows) {
      expect(row).toMatchObject({ kind: "live_topic", urgent: true, dedupeKey: `live_topic:${topic.id}:${row.userId}` });
      expect(new URL(row.url).searchParams.get("next")).toBe(`/student/lessons/${s.lesson.id}/live`);
    }
  });

  it("rolls back with the change: nothing is queued when the transaction fails", async () => {
    const failure = await db
      .$transaction(async (tx) => {
        await raiseEvent(tx, { type: "live.topic_opened", courseId: s.course.id, lessonId: s.lesson.id, subjectId: "cm3topicrolledback00000" });
        expect(await tx.domainEvent.count({ where: { lessonId: s.lesson.id } })).toBe(1);
        throw new Error("the change failed");
      })
      .catch((error: Error) => error.message);
    expect(failure).toBe("the change failed");
    await queuePushesForRaisedEvents();
    expect(await db.pushMessage.count({ where: { lessonId: s.lesson.id } })).toBe(0);
    expect(await db.domainEvent.count({ where: { lessonId: s.lesson.id } })).toBe(0);
  });

  it("never queues one push twice for one person: raising the same event again adds nothing", async () => {
    await raise("live.topic_opened", s.course.id, s.lesson.id, "cm3sametopic000000000000");
    await raise("live.topic_opened", s.course.id, s.lesson.id, "cm3sametopic000000000000");
    const late = await makeUser("STUDENT");
    await db.courseMember.create({ data: { courseId: s.course.id, userId: late.id, role: "STUDENT" } });
    await raise("live.topic_opened", s.course.id, s.lesson.id, "cm3sametopic000000000000");
    const rows = await rowsOf(s.lesson.id);
    // One per student; a student who joined in between gets theirs once too.
    expect(rows.map((r) => r.userId).sort()).toEqual([...s.students.map((u) => u.id), late.id].sort());
  });

  it("queues nothing for events that push nothing", async () => {
    await db.$transaction(async (tx) => {
      await raiseEvent(tx, { type: "live.topic_closed", courseId: s.course.id, lessonId: s.lesson.id, subjectId: "cm3closed0000000000000000" });
      await raiseEvent(tx, { type: "plan.revised", courseId: s.course.id, lessonId: s.lesson.id });
      await raiseEvent(tx, { type: "thread.created", courseId: s.course.id });
    });
    await queuePushesForRaisedEvents();
    expect(await db.pushMessage.count({ where: { courseId: s.course.id } })).toBe(0);
  });
});

describe("enqueueDueFeedbackSummaries", () => {
  let s: School;
  // Later than any other package of this file, so that only this one is due.
  const closesAt = new Date("2030-06-01T12:00:00Z");
  beforeEach(async () => {
    s = await makePushSchool();
    await db.preClassPackage.create({ data: { lessonId: s.lesson.id, status: "PUBLISHED", opensAt: new Date("2030-05-30T00:00:00Z"), closesAt, publishedAt: new Date() } });
  });

  const summaries = () =>
    db.pushMessage.findMany({ where: { lessonId: s.lesson.id, kind: "feedback_summary" }, select: { userId: true, eventId: true, time: true, url: true } });

  it("sends the course's teachers and assistants one summary once the window has closed", async () => {
    expect(await enqueueDueFeedbackSummaries(new Date(closesAt.getTime() - 1))).toBe(0);
    expect(await summaries()).toEqual([]);

    expect(await enqueueDueFeedbackSummaries(new Date(closesAt.getTime() + 60_000))).toBe(2);
    const rows = await summaries();
    expect(rows.map((r) => r.userId).sort()).toEqual([s.teacher.id, s.assistant.id].sort());
    for (const row of rows) {
      expect(row).toMatchObject({ eventId: null, time: closesAt });
      expect(new URL(row.url).searchParams.get("next")).toBe(`/teacher/lessons/${s.lesson.id}/feedback`);
    }

    // Later calls (by this or another instance) write nothing more.
    expect(await enqueueDueFeedbackSummaries(new Date(closesAt.getTime() + 120_000))).toBe(0);
    expect(await summaries()).toHaveLength(2);
  });

  it("skips drafts and windows that closed before the lookback", async () => {
    expect(await enqueueDueFeedbackSummaries(new Date(closesAt.getTime() + SUMMARY_LOOKBACK_MS + 1))).toBe(0);
    await db.preClassPackage.update({ where: { lessonId: s.lesson.id }, data: { status: "DRAFT" } });
    expect(await enqueueDueFeedbackSummaries(new Date(closesAt.getTime() + 60_000))).toBe(0);
    expect(await summaries()).toEqual([]);
  });
});
