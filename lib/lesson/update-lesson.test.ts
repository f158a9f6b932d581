import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf, makeCourse, makeSchool } from "@/tests/factories";
import { createLesson } from "./create-lesson";
import { lessonInput, texts } from "./test-fixtures";
import { updateLesson } from "./update-lesson";

function readLesson(id: string) {
  return db.lesson.findUniqueOrThrow({
    where: { id },
    select: {
      position: true,
      title: true,
      startsAt: true,
      endsAt: true,
      room: true,
      summary: true,
      objectives: { orderBy: { position: "asc" }, select: { position: true, text: true } },
    },
  });
}

describe("updateLesson", () => {
  it("changes the fields and replaces the objectives, keeping the position", async () => {
    const s = await makeSchool();
    const teacher = actorOf(s.teacher);
    await createLesson(teacher, lessonInput(s.course.id));
    const lesson = await createLesson(teacher, lessonInput(s.course.id, { objectives: texts("甲", "乙", "丙") }));
    await updateLesson(teacher, {
      ...lessonInput(s.course.id),
      lessonId: lesson.id,
      title: "胸部检查",
      date: "2026-10-12",
      startTime: "13:30",
      endTime: "15:10",
      room: "",
      summary: "",
      objectives: texts("丙", "甲"),
    });
    expect(await readLesson(lesson.id)).toEqual({
      position: 1,
      title: "胸部检查",
      startsAt: new Date("2026-10-12T05:30:00.000Z"),
      endsAt: new Date("2026-10-12T07:10:00.000Z"),
      room: "",
      summary: "",
      objectives: [
        { position: 0, text: "丙" },
        { position: 1, text: "甲" },
      ],
    });
  });

  it("keeps the rows of objectives that stay, so that what refers to them survives", async () => {
    const s = await makeSchool();
    const teacher = actorOf(s.teacher);
    const lesson = await createLesson(teacher, lessonInput(s.course.id, { objectives: texts("甲", "乙", "丙") }));
    const [a, b, c] = await db.lessonObjective.findMany({ where: { lessonId: lesson.id }, orderBy: { position: "asc" } });
    const other = await createLesson(teacher, lessonInput(s.course.id, { objectives: texts("别的课") }));
    const foreign = await db.lessonObjective.findFirstOrThrow({ where: { lessonId: other.id } });

    await updateLesson(teacher, {
      ...lessonInput(s.course.id),
      lessonId: lesson.id,
      // c reworded and moved first, a kept, b dropped, one new, one naming another lesson's objective, a repeated.
      objectives: [{ id: c.id, text: "丙（修订）" }, { id: a.id, text: "甲" }, { text: "丁" }, { id: foreign.id, text: "戊" }, { id: a.id, text: "己" }],
    });

    const after = await db.lessonObjective.findMany({ where: { lessonId: lesson.id }, orderBy: { position: "asc" } });
    expect(after.map((o) => [o.position, o.text])).toEqual([
      [0, "丙（修订）"],
      [1, "甲"],
      [2, "丁"],
      [3, "戊"],
      [4, "己"],
    ]);
    expect(after[0].id).toBe(c.id);
    expect(after[1].id).toBe(a.id);
    expect(after.slice(2).map((o) => o.id)).not.toContain(a.id);
    expect(after.map((o) => o.id)).not.toContain(foreign.id);
    expect(await db.lessonObjective.findUnique({ where: { id: b.id } })).toBeNull();
    expect(await db.lessonObjective.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({ lessonId: other.id, text: "别的课" });
  });

  it("rejects an end before the start and changes nothing", async () => {
    const s = await makeSchool();
    const teacher = actorOf(s.teacher);
    const lesson = await createLesson(teacher, lessonInput(s.course.id));
    const before = await readLesson(lesson.id);
    await expect(
      updateLesson(teacher, { ...lessonInput(s.course.id, { title: "新标题", startTime: "10:00", endTime: "09:00" }), lessonId: lesson.id }),
    ).rejects.toMatchObject({ code: "lesson.ends_before_start" });
    expect(await readLesson(lesson.id)).toEqual(before);
  });

  it("reports a lesson of another course as not_found, even one the actor teaches", async () => {
    const s = await makeSchool();
    const teacher = actorOf(s.teacher);
    const otherCourse = await makeCourse(s.dept.id, [{ userId: s.teacher.id, role: "TEACHER" }]);
    const lesson = await createLesson(teacher, lessonInput(otherCourse.id));
    const before = await readLesson(lesson.id);
    await expect(
      updateLesson(teacher, { ...lessonInput(s.course.id, { title: "越界修改" }), lessonId: lesson.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      updateLesson(teacher, { ...lessonInput(s.course.id), lessonId: "no-such-lesson" }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await readLesson(lesson.id)).toEqual(before);
  });
});
