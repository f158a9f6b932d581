import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { raiseEvent } from "@/lib/events/raise-event";
import { DEADLINE_REMINDER_MS, enqueueDueDeadlineReminders } from "./enqueue-pushes";
import { queuePushesForRaisedEvents } from "./queue-raised-events";
import { makePushSchool } from "./test-fixtures";

type School = Awaited<ReturnType<typeof makePushSchool>>;

const HOUR = 3600_000;
const rowsFor = (kind: string, courseId: string) =>
  db.pushMessage.findMany({ where: { kind, courseId }, orderBy: { userId: "asc" }, select: { userId: true, dedupeKey: true, title: true, url: true, time: true, lessonId: true, urgent: true } });
const landingOf = (url: string) => new URL(url).searchParams.get("next");

let s: School;
beforeEach(async () => {
  s = await makePushSchool(2);
});

async function publish(type: "quiz.published" | "homework.published", courseId: string, subjectId: string, lessonId?: string) {
  await db.$transaction((tx) => raiseEvent(tx, { type, courseId, lessonId, subjectId }));
  await queuePushesForRaisedEvents();
}

describe("after-class pushes: 课后测验 and 课后作业", () => {
  it("a published quiz reaches every student of the course once, with its title, close time and a link to the quiz", async () => {
    const closesAt = new Date("2030-03-06T12:00:00Z");
    const quiz = await db.quiz.create({
      data: { courseId: s.course.id, lessonId: s.lesson.id, title: "心音听诊小测", status: "PUBLISHED", closesAt, publishedAt: new Date() },
    });
    await publish("quiz.published", s.course.id, quiz.id, s.lesson.id);
    await publish("quiz.published", s.course.id, quiz.id, s.lesson.id);
    const rows = await rowsFor("quiz_published", s.course.id);
    expect(rows.map((r) => r.userId).sort()).toEqual(s.students.map((u) => u.id).sort());
    for (const row of rows) {
      expect(row).toMatchObject({ dedupeKey: `quiz_published:${quiz.id}:${row.userId}`, title: `${s.course.title} · 心音听诊小测`, time: closesAt, lessonId: s.lesson.id, urgent: false });
      expect(landingOf(row.url)).toBe(`/student/quizzes/${quiz.id}`);
    }
  });

  it("a quiz that is no longer published when the event is expanded pushes nothing", async () => {
    const quiz = await db.quiz.create({ data: { courseId: s.course.id, title: "草稿测验" } });
    await publish("quiz.published", s.course.id, quiz.id);
    expect(await rowsFor("quiz_published", s.course.id)).toEqual([]);
  });

  it("published homework links to the homework and carries its due time, never its content", async () => {
    const dueAt = new Date("2030-03-08T15:59:00Z");
    const homework = await db.homework.create({
      data: { courseId: s.course.id, title: "病例分析：二尖瓣狭窄", instructions: "患者张某，女，45 岁，活动后气促……", status: "PUBLISHED", dueAt, points: 100 },
    });
    await publish("homework.published", s.course.id, homework.id);
    const rows = await rowsFor("homework_published", s.course.id);
    expect(rows).toHaveLength(s.students.length);
    for (const row of rows) {
      expect(row).toMatchObject({ title: `${s.course.title} · 病例分析：二尖瓣狭窄`, time: dueAt, lessonId: null });
      expect(landingOf(row.url)).toBe(`/student/homework/${homework.id}`);
      expect(JSON.stringify(row)).not.toContain("张某");
    }
  });
});

describe("enqueueDueDeadlineReminders: 作业截止提醒 24 hours before", () => {
  it("reminds the students who have not submitted, 24 hours before the homework's due time, once, within the window only", async () => {
    const now = new Date("2030-03-07T00:00:00Z");
    const dueAt = new Date(now.getTime() + 20 * HOUR);
    const [submitted, extended, ...waiting] = s.students;
    const homework = await db.homework.create({ data: { courseId: s.course.id, title: "体格检查报告", status: "PUBLISHED", dueAt } });
    await db.homeworkSubmission.create({ data: { homeworkId: homework.id, userId: submitted.id, text: "已完成", submittedAt: now } });
    await db.homeworkExtension.create({ data: { homeworkId: homework.id, userId: extended.id, dueAt: new Date(dueAt.getTime() + 48 * HOUR) } });
    await db.homework.create({ data: { courseId: s.course.id, title: "下周的作业", status: "PUBLISHED", dueAt: new Date(now.getTime() + DEADLINE_REMINDER_MS + 2 * HOUR) } });
    await db.homework.create({ data: { courseId: s.course.id, title: "未发布的作业", dueAt } });

    expect(await enqueueDueDeadlineReminders(now)).toBe(waiting.length);
    expect(await enqueueDueDeadlineReminders(new Date(now.getTime() + HOUR))).toBe(0);
    const rows = await rowsFor("deadline_reminder", s.course.id);
    expect(rows.map((r) => r.userId).sort()).toEqual(waiting.map((u) => u.id).sort());
    for (const row of rows) {
      expect(row).toMatchObject({ dedupeKey: `deadline_reminder:${homework.id}:${dueAt.getTime()}:${row.userId}`, time: dueAt });
      expect(landingOf(row.url)).toBe(`/student/homework/${homework.id}`);
    }
  });

  it("reminds a student with an extension 24 hours before their own due time, again only when it moves", async () => {
    const now = new Date("2030-03-07T00:00:00Z");
    const dueAt = new Date(now.getTime() - 2 * HOUR);
    const [extended, other] = s.students;
    const homework = await db.homework.create({
      data: { courseId: s.course.id, title: "体格检查报告", instructions: "患者张某，男，58 岁……", status: "PUBLISHED", dueAt },
    });
    const extendTo = (until: Date) =>
      db.homeworkExtension.upsert({
        where: { homeworkId_userId: { homeworkId: homework.id, userId: extended.id } },
        create: { homeworkId: homework.id, userId: extended.id, dueAt: until },
        update: { dueAt: until },
      });
    const remindersOf = async (userId: string) => (await rowsFor("deadline_reminder", s.course.id)).filter((row) => row.userId === userId);

    // Other tests' homework may be due in the same windows: only this course's rows count.
    const remind = async (at: Date) => {
      const before = (await rowsFor("deadline_reminder", s.course.id)).length;
      await enqueueDueDeadlineReminders(at);
      return (await rowsFor("deadline_reminder", s.course.id)).length - before;
    };

    // The course's due time has passed; the extension is 30 hours away: not yet.
    const first = new Date(now.getTime() + 30 * HOUR);
    await extendTo(first);
    expect(await remind(now)).toBe(0);
    // 24 hours before it: the reminder, with the student's own due time; once, however often the dispatcher looks.
    expect(await remind(new Date(first.getTime() - 23 * HOUR))).toBe(1);
    expect(await remind(new Date(first.getTime() - 2 * HOUR))).toBe(0);
    expect(await remindersOf(extended.id)).toEqual([
      expect.objectContaining({ dedupeKey: `deadline_reminder:${homework.id}:${first.getTime()}:${extended.id}`, time: first, title: `${s.course.title} · 体格检查报告` }),
    ]);
    // Moved two days on: a new reminder for the new date; moved back to the first date: no second one for it.
    const second = new Date(first.getTime() + 48 * HOUR);
    await extendTo(second);
    expect(await remind(new Date(second.getTime() - 20 * HOUR))).toBe(1);
    await extendTo(first);
    expect(await remind(new Date(first.getTime() - 20 * HOUR))).toBe(0);
    expect((await remindersOf(extended.id)).map((row) => row.time).sort((a, b) => a!.getTime() - b!.getTime())).toEqual([first, second]);
    // Nobody else is reminded of a due time that is not theirs, and a reminder carries no content.
    expect(await remindersOf(other.id)).toEqual([]);
    for (const row of await remindersOf(extended.id)) expect(JSON.stringify(row)).not.toContain("张某");
  });

  it("reminds a student with an extension of their date, not of the course's", async () => {
    const now = new Date("2030-03-07T00:00:00Z");
    const dueAt = new Date(now.getTime() + 10 * HOUR);
    const [extended, ...waiting] = s.students;
    const homework = await db.homework.create({ data: { courseId: s.course.id, title: "病例分析", status: "PUBLISHED", dueAt } });
    // Both due times within the same window: each student hears of their own.
    const own = new Date(now.getTime() + 20 * HOUR);
    await db.homeworkExtension.create({ data: { homeworkId: homework.id, userId: extended.id, dueAt: own } });
    await enqueueDueDeadlineReminders(now);
    const rows = await rowsFor("deadline_reminder", s.course.id);
    expect(rows).toHaveLength(s.students.length);
    expect(rows.find((row) => row.userId === extended.id)).toMatchObject({ time: own });
    expect(rows.filter((row) => row.userId !== extended.id).map((row) => [row.userId, row.time])).toEqual(
      expect.arrayContaining(waiting.map((u) => [u.id, dueAt])),
    );
  });

  it("writes nothing when everyone has submitted or the homework is already due", async () => {
    const now = new Date("2030-03-07T00:00:00Z");
    const past = await db.homework.create({ data: { courseId: s.course.id, title: "已截止", status: "PUBLISHED", dueAt: new Date(now.getTime() - HOUR) } });
    const done = await db.homework.create({ data: { courseId: s.course.id, title: "都交了", status: "PUBLISHED", dueAt: new Date(now.getTime() + HOUR) } });
    await db.homeworkSubmission.createMany({ data: s.students.map((u) => ({ homeworkId: done.id, userId: u.id, submittedAt: now })) });
    expect(past.id).toBeTruthy();
    expect(await enqueueDueDeadlineReminders(now)).toBe(0);
  });
});

describe("peer review pushes: 同伴互评", () => {
  async function activity() {
    return db.peerReview.create({
      data: {
        courseId: s.course.id,
        title: "病例分析互评",
        rubric: [],
        submissionClosesAt: new Date("2030-03-09T12:00:00Z"),
        assessmentClosesAt: new Date("2030-03-12T12:00:00Z"),
      },
    });
  }
  const raisePeer = async (type: "peer.phase_changed" | "peer.reminder_requested", courseId: string, subjectId: string, payload: object) => {
    await db.$transaction((tx) => raiseEvent(tx, { type, courseId, subjectId, payload }));
    await queuePushesForRaisedEvents();
  };

  it("tells every student when submissions and then reviews open, once per phase, with that phase's deadline", async () => {
    const peer = await activity();
    await raisePeer("peer.phase_changed", s.course.id, peer.id, { phase: "SUBMISSION" });
    await raisePeer("peer.phase_changed", s.course.id, peer.id, { phase: "SUBMISSION" });
    await raisePeer("peer.phase_changed", s.course.id, peer.id, { phase: "ASSESSMENT" });
    await raisePeer("peer.phase_changed", s.course.id, peer.id, { phase: "CLOSED" });
    const rows = await rowsFor("peer_review", s.course.id);
    expect(rows).toHaveLength(2 * s.students.length);
    expect(new Set(rows.map((r) => r.time?.toISOString()))).toEqual(new Set([peer.submissionClosesAt!.toISOString(), peer.assessmentClosesAt!.toISOString()]));
    for (const row of rows) expect(landingOf(row.url)).toBe(`/student/peer-reviews/${peer.id}`);
  });

  it("reminds only the named students, and a second reminder round reaches them again", async () => {
    const peer = await activity();
    const [late, ...others] = s.students;
    await raisePeer("peer.reminder_requested", s.course.id, peer.id, { userIds: [late.id, s.outsider.id], round: "2030-03-10T01:00:00.000Z" });
    await raisePeer("peer.reminder_requested", s.course.id, peer.id, { userIds: [late.id], round: "2030-03-11T01:00:00.000Z" });
    const rows = await rowsFor("peer_review", s.course.id);
    // The outsider is not in the course: no row.
    expect(rows.map((r) => r.userId)).toEqual([late.id, late.id]);
    expect(others.length).toBeGreaterThan(0);
  });
});
