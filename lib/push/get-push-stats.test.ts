import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf } from "@/tests/factories";
import { dispatchDuePushes } from "./dispatch-pushes";
import { getPushStats } from "./get-push-stats";
import { raiseEvent } from "@/lib/events/raise-event";
import { queuePushesForRaisedEvents } from "./queue-raised-events";
import { DAYTIME, NIGHT, bindStudent, fakeClient, makePushSchool, raise } from "./test-fixtures";

type School = Awaited<ReturnType<typeof makePushSchool>>;

describe("getPushStats", () => {
  let s: School;
  let topicId: string;
  beforeAll(async () => {
    s = await makePushSchool(5);
    const [a, b, c, d, e, f] = s.students;
    await bindStudent(a.id);
    await bindStudent(b.id);
    await bindStudent(c.id, { consent: "withdrawn" });
    await bindStudent(d.id, { subscribed: false });
    await bindStudent(e.id, { quiet: [0, 0] });
    await bindStudent(f.id, { quiet: [0, 0] });
    // s.students[6] is not bound.
    const topic = await db.topic.create({ data: { lessonId: s.lesson.id, kind: "DISCUSSION", prompt: "这位患者的心尖区杂音提示什么？" } });
    topicId = topic.id;

    await raise("preclass.published", s.course.id, s.lesson.id, "cm3package00000000000000");
    // At night: a and b are in their quiet hours, e and f are not; f's send fails for good.
    const { client } = fakeClient((message) => (message.touser === `o_${f.id}` ? "fatal" : undefined));
    await dispatchDuePushes({ client, now: () => NIGHT });
    // The callback reports e's message delivered.
    await db.pushMessage.updateMany({ where: { userId: e.id, kind: "preclass_feedback" }, data: { status: "DELIVERED", deliveredAt: NIGHT } });

    await raise("live.topic_opened", s.course.id, s.lesson.id, topic.id);
    await dispatchDuePushes({ client: fakeClient().client, now: () => DAYTIME });
    // A push of another lesson does not count here.
    const other = await db.lesson.create({ data: { courseId: s.course.id, position: 1, title: "另一次课", startsAt: DAYTIME, endsAt: DAYTIME } });
    await raise("live.topic_opened", s.course.id, other.id, "cm3othertopic00000000000");
  });

  it("counts each push's rows by outcome, with the reasons, newest push first", async () => {
    const stats = await getPushStats(actorOf(s.teacher), { lessonId: s.lesson.id });
    expect(stats.map((p) => [p.kind, p.subject])).toEqual([
      ["live_topic", topicId],
      ["preclass_feedback", "cm3package00000000000000"],
    ]);
    const [live, preclass] = stats;

    expect(preclass.total).toBe(7);
    expect(preclass.summary).toEqual({ sent: 1, delivered: 1, pending: 0, deferred: 2, skipped: 3, failed: 1 });
    expect(preclass.counts).toMatchObject({ DELIVERED: 1, DEFERRED: 2, SKIPPED: 3, FAILED: 1, SENT: 0, QUEUED: 0, SENDING: 0 });
    expect(preclass.reasons).toEqual(
      expect.arrayContaining([
        { status: "DEFERRED", code: "quiet_hours", detail: null, count: 2 },
        { status: "SKIPPED", code: "no_consent", detail: null, count: 1 },
        { status: "SKIPPED", code: "unsubscribed", detail: null, count: 1 },
        { status: "SKIPPED", code: "not_bound", detail: null, count: 1 },
        { status: "FAILED", code: "fatal", detail: "40037", count: 1 },
      ]),
    );
    expect(preclass.reasons).toHaveLength(5);
    expect(preclass.reasons[0]).toMatchObject({ code: "quiet_hours" });
    expect(preclass.label).toBeNull();

    expect(live).toMatchObject({ total: 7, label: "这位患者的心尖区杂音提示什么？" });
    // Urgent: sent in the daytime to all four who may receive it (the quiet hours do not matter anyway).
    expect(live.summary).toEqual({ sent: 4, delivered: 0, pending: 0, deferred: 0, skipped: 3, failed: 0 });
  });

  it("is for staff: assistants and department admins see it; students are forbidden, outsiders get not_found", async () => {
    await expect(getPushStats(actorOf(s.assistant), { lessonId: s.lesson.id })).resolves.toHaveLength(2);
    await expect(getPushStats(actorOf(s.deptAdmin), { lessonId: s.lesson.id })).resolves.toHaveLength(2);
    await expect(getPushStats(actorOf(s.student), { lessonId: s.lesson.id })).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(getPushStats(actorOf(s.otherTeacher), { lessonId: s.lesson.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(getPushStats(actorOf(s.otherDeptAdmin), { lessonId: s.lesson.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(getPushStats(actorOf(s.teacher), { lessonId: "no-such-lesson" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("is empty for a lesson without pushes", async () => {
    const quiet = await db.lesson.create({ data: { courseId: s.course.id, position: 2, title: "无推送", startsAt: DAYTIME, endsAt: DAYTIME } });
    await expect(getPushStats(actorOf(s.teacher), { lessonId: quiet.id })).resolves.toEqual([]);
  });

  it("of a whole course: the lessons' pushes and the after-class ones, labelled with the activity's title", async () => {
    const quiz = await db.quiz.create({ data: { courseId: s.course.id, title: "心音听诊小测", status: "PUBLISHED", publishedAt: DAYTIME } });
    const peer = await db.peerReview.create({ data: { courseId: s.course.id, title: "病例分析互评", rubric: [] } });
    await db.$transaction(async (tx) => {
      await raiseEvent(tx, { type: "quiz.published", courseId: s.course.id, subjectId: quiz.id });
      await raiseEvent(tx, { type: "peer.phase_changed", courseId: s.course.id, subjectId: peer.id, payload: { phase: "SUBMISSION" } });
    });
    await queuePushesForRaisedEvents();
    const stats = await getPushStats(actorOf(s.teacher), { courseId: s.course.id });
    expect(stats.map((stat) => [stat.kind, stat.subject, stat.label, stat.total]).sort()).toEqual(
      [
        ["live_topic", "cm3othertopic00000000000", null, 7],
        ["live_topic", topicId, "这位患者的心尖区杂音提示什么？", 7],
        ["peer_review", `${peer.id}:SUBMISSION`, "病例分析互评", 7],
        ["preclass_feedback", "cm3package00000000000000", null, 7],
        ["quiz_published", quiz.id, "心音听诊小测", 7],
      ].sort(),
    );
    await expect(getPushStats(actorOf(s.student), { courseId: s.course.id })).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(getPushStats(actorOf(s.otherTeacher), { courseId: s.course.id })).rejects.toMatchObject({ code: "not_found" });
  });
});
