import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf, makeDepartment, makeUser } from "@/tests/factories";
import { seedDemoLive } from "./demo";
import { getLiveState, type StaffLiveState } from "./get-live-state";

describe("seedDemoLive", () => {
  it("adds a past lesson's sign-in, poll, discussion and 不懂 presses to 诊断学, once", async () => {
    const dept = await makeDepartment();
    const teacher = await makeUser("TEACHER", { departmentId: dept.id });
    const students = await Promise.all(Array.from({ length: 30 }, () => makeUser("STUDENT")));
    const course = await db.course.create({
      data: {
        code: "MED2101",
        title: "诊断学",
        term: "2026-2027-1",
        departmentId: dept.id,
        members: { create: [{ userId: teacher.id, role: "TEACHER" }, ...students.map((s) => ({ userId: s.id, role: "STUDENT" as const }))] },
      },
    });
    const now = new Date("2026-11-02T06:00:00Z");
    const lesson = await db.lesson.create({
      data: { courseId: course.id, position: 0, title: "心脏检查", startsAt: new Date("2026-11-02T00:00:00Z"), endsAt: new Date("2026-11-02T01:40:00Z") },
    });
    await db.lesson.create({
      data: { courseId: course.id, position: 1, title: "下一次课", startsAt: new Date("2026-11-09T00:00:00Z"), endsAt: new Date("2026-11-09T01:40:00Z") },
    });

    expect(await seedDemoLive(db, now)).toEqual({ topics: 2, answers: 25 + 8, attendance: 30 });
    expect(await seedDemoLive(db, now)).toEqual({ topics: 0, answers: 0, attendance: 0 });

    const board = (await getLiveState(actorOf(teacher), lesson.id)) as StaffLiveState;
    expect(board.topic).toMatchObject({ kind: "DISCUSSION", status: "CLOSED", anonymous: true });
    expect(board.answers.filter((a) => a.highlighted)).toHaveLength(2);
    expect(board.pastTopics).toEqual([expect.objectContaining({ answerCount: 25 })]);
    expect(board.attendance).toEqual({ enrolled: 30, present: 25, late: 3, absent: 2 });
    expect(board.code).toBeNull();
    expect(await db.domainEvent.count({ where: { lessonId: lesson.id } })).toBe(0);
  });
});
