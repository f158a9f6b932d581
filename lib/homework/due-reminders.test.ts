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
    expect(mine[0].userIds.sort()).toEqual([s.student2.id, third.id].sort());
  });
});
