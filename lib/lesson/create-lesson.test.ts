import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { actorOf, makeSchool } from "@/tests/factories";
import { createLesson } from "./create-lesson";
import type { CreateLessonInput } from "./schemas";
import { lessonInput, texts } from "./test-fixtures";

describe("createLesson", () => {
  it("stores Shanghai times as UTC instants and appends the lesson after the last one", async () => {
    const s = await makeSchool();
    const teacher = actorOf(s.teacher);
    const first = await createLesson(teacher, lessonInput(s.course.id));
    const second = await createLesson(teacher, lessonInput(s.course.id, { title: "常见症状：发热", date: "2026-09-14", objectives: [] }));
    expect(first.courseId).toBe(s.course.id);
    const lessons = await db.lesson.findMany({
      where: { courseId: s.course.id },
      orderBy: { position: "asc" },
      include: { objectives: { orderBy: { position: "asc" } } },
    });
    expect(lessons.map((l) => [l.id, l.position, l.title])).toEqual([
      [first.id, 0, "绪论与问诊概述"],
      [second.id, 1, "常见症状：发热"],
    ]);
    expect(lessons[0]).toMatchObject({
      startsAt: new Date("2026-09-07T00:00:00.000Z"),
      endsAt: new Date("2026-09-07T01:40:00.000Z"),
      room: "临床技能中心 201",
      summary: "课前请阅读预习材料。",
    });
    expect(lessons[0].objectives.map((o) => [o.position, o.text])).toEqual([
      [0, "了解诊断学的内容"],
      [1, "掌握问诊的基本方法"],
    ]);
    expect(lessons[1].objectives).toEqual([]);
  });

  it("puts a new lesson after the highest position even when positions have gaps", async () => {
    const s = await makeSchool();
    await db.lesson.create({
      data: { courseId: s.course.id, position: 4, title: "旧课次", startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000) },
    });
    const created = await createLesson(actorOf(s.teacher), lessonInput(s.course.id));
    expect((await db.lesson.findUniqueOrThrow({ where: { id: created.id } })).position).toBe(5);
  });

  it.each([
    ["ends when it starts", "08:00", "08:00"],
    ["ends before it starts", "10:00", "08:00"],
  ])("rejects a lesson that %s and creates nothing", async (_case, startTime, endTime) => {
    const s = await makeSchool();
    await expect(createLesson(actorOf(s.teacher), lessonInput(s.course.id, { startTime, endTime }))).rejects.toMatchObject({
      code: "lesson.ends_before_start",
    });
    expect(await db.lesson.count({ where: { courseId: s.course.id } })).toBe(0);
  });

  const long = (n: number) => "字".repeat(n);
  it.each<[string, Partial<CreateLessonInput>, string]>([
    ["a blank title", { title: "  " }, "title"],
    ["a title over 100", { title: long(101) }, "title"],
    ["a missing date", { date: "" }, "date"],
    ["a date that does not exist", { date: "2026-02-30" }, "date"],
    ["a malformed start time", { startTime: "8点" }, "startTime"],
    ["an end time past midnight", { endTime: "24:00" }, "endTime"],
    ["a room over 50", { room: long(51) }, "room"],
    ["a summary over 2000", { summary: long(2001) }, "summary"],
    ["11 objectives", { objectives: texts(...Array.from({ length: 11 }, (_, i) => `目标${i}`)) }, "objectives"],
    ["an objective over 300", { objectives: texts(long(301)) }, "objectives.0.text"],
    ["a blank objective", { objectives: texts("目标", " ") }, "objectives.1.text"],
  ])("rejects %s", async (_case, overrides, field) => {
    const s = await makeSchool();
    const error = await createLesson(actorOf(s.teacher), lessonInput(s.course.id, overrides)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((issue) => issue.path.join("."))).toContain(field);
    expect(await db.lesson.count({ where: { courseId: s.course.id } })).toBe(0);
  });
});
