import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf, makeSchool, makeUser } from "@/tests/factories";
import { homeworkDueForReminder } from "./due-reminders";
import { publishHomework } from "./publish-homework";
import { saveHomework } from "./save-homework";
import { submitHomework } from "./submit-homework";
import { DAY, HOUR, homeworkInput, setDue } from "./test-fixtures";

describe("homeworkDueForReminder", () => {
  let s: Awaited<ReturnType<typeof makeSchool>>;
  beforeAll(async () => {
    s = await makeSchool();
  });

  it("lists published homework due within the window with the students who have not handed in", async () => {
    const now = new Date();
    const third = await makeUser("STUDENT");
    await db.courseMember.create({ data: { courseId: s.course.id, userId: third.id, role: "STUDENT" } });
    const publish = async (title: string, dueAt: Date) => {
      const { homeworkId } = await saveHomework(actorOf(s.teacher), homeworkInput(s.course.id, { title }));
      await publishHomework(actorOf(s.teacher), { homeworkId });
      await setDue(homeworkId, dueAt);
      return homeworkId;
    };
    const soon = await publish("明天截止", new Date(now.getTime() + 20 * HOUR));
    await publish("下周截止", new Date(now.getTime() + 7 * DAY));
    await publish("已截止", new Date(now.getTime() - HOUR));
    await saveHomework(actorOf(s.teacher), homeworkInput(s.course.id, { title: "草稿" }));
    await submitHomework(actorOf(s.student), { homeworkId: soon, text: "已完成" });

    const due = await homeworkDueForReminder(now, DAY);
    const mine = due.filter((reminder) => reminder.homework.courseId === s.course.id);
    expect(mine.map((reminder) => reminder.homework.title)).toEqual(["明天截止"]);
    expect(mine[0].dueAt).toEqual(new Date(now.getTime() + 20 * HOUR));
    expect(mine[0].userIds.sort()).toEqual([s.student2.id, third.id].sort());
  });

  it("lists a student with an extension under their own due time, and only then", async () => {
    const now = new Date();
    const other = await makeUser("STUDENT");
    await db.courseMember.create({ data: { courseId: s.course.id, userId: other.id, role: "STUDENT" } });
    const { homeworkId } = await saveHomework(actorOf(s.teacher), homeworkInput(s.course.id, { title: "延期作业" }));
    await publishHomework(actorOf(s.teacher), { homeworkId });
    const dueAt = new Date(now.getTime() + 2 * HOUR);
    const extended = new Date(now.getTime() + 2 * DAY);
    await setDue(homeworkId, dueAt);
    await db.homeworkExtension.create({ data: { homeworkId, userId: other.id, dueAt: extended } });
    await submitHomework(actorOf(s.student2), { homeworkId, text: "按时完成的病例分析" });

    const reminderOf = async (at: Date) => (await homeworkDueForReminder(at, DAY)).filter((reminder) => reminder.homework.id === homeworkId);
    const today = await reminderOf(now);
    expect(today.map((reminder) => reminder.dueAt)).toEqual([dueAt]);
    expect(today[0].userIds).toContain(s.student.id);
    expect(today[0].userIds).not.toContain(s.student2.id);
    expect(today[0].userIds).not.toContain(other.id);
    const later = await reminderOf(new Date(extended.getTime() - 20 * HOUR));
    expect(later.map((reminder) => [reminder.dueAt, reminder.userIds])).toEqual([[extended, [other.id]]]);
  });
});
