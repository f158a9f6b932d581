import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf, makeCourse, makeSchool } from "@/tests/factories";
import { createLesson } from "./create-lesson";
import { moveLesson } from "./move-lesson";
import { lessonInput } from "./test-fixtures";

async function courseWithLessons(titles: string[]) {
  const s = await makeSchool();
  const teacher = actorOf(s.teacher);
  const ids: Record<string, string> = {};
  for (const title of titles) ids[title] = (await createLesson(teacher, lessonInput(s.course.id, { title }))).id;
  return { s, teacher, ids };
}

const order = async (courseId: string) =>
  (await db.lesson.findMany({ where: { courseId }, orderBy: { position: "asc" }, select: { title: true, position: true } })).map(
    (l) => `${l.position}:${l.title}`,
  );

describe("moveLesson", () => {
  it("swaps a lesson with its neighbour, keeping positions 0..n-1", async () => {
    const { s, teacher, ids } = await courseWithLessons(["A", "B", "C", "D"]);
    await moveLesson(teacher, { courseId: s.course.id, lessonId: ids.C, direction: "up" });
    expect(await order(s.course.id)).toEqual(["0:A", "1:C", "2:B", "3:D"]);
    await moveLesson(teacher, { courseId: s.course.id, lessonId: ids.A, direction: "down" });
    expect(await order(s.course.id)).toEqual(["0:C", "1:A", "2:B", "3:D"]);
  });

  it("leaves the order alone at the edges", async () => {
    const { s, teacher, ids } = await courseWithLessons(["A", "B", "C"]);
    await moveLesson(teacher, { courseId: s.course.id, lessonId: ids.A, direction: "up" });
    await moveLesson(teacher, { courseId: s.course.id, lessonId: ids.C, direction: "down" });
    expect(await order(s.course.id)).toEqual(["0:A", "1:B", "2:C"]);
  });

  it("closes gaps left by older data while moving", async () => {
    const { s, teacher, ids } = await courseWithLessons(["A", "B", "C"]);
    await db.lesson.update({ where: { id: ids.B }, data: { position: 5 } });
    await db.lesson.update({ where: { id: ids.C }, data: { position: 9 } });
    await moveLesson(teacher, { courseId: s.course.id, lessonId: ids.C, direction: "up" });
    expect(await order(s.course.id)).toEqual(["0:A", "1:C", "2:B"]);
  });

  it("reports a lesson of another course as not_found", async () => {
    const { s, teacher, ids } = await courseWithLessons(["A", "B"]);
    const otherCourse = await makeCourse(s.dept.id, [{ userId: s.teacher.id, role: "TEACHER" }]);
    const foreign = await createLesson(teacher, lessonInput(otherCourse.id));
    await expect(moveLesson(teacher, { courseId: s.course.id, lessonId: foreign.id, direction: "up" })).rejects.toMatchObject({
      code: "not_found",
    });
    // The lesson of the other course named with its own course moves within that course only.
    await expect(moveLesson(teacher, { courseId: otherCourse.id, lessonId: ids.B, direction: "up" })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await order(s.course.id)).toEqual(["0:A", "1:B"]);
  });

  it("rejects an unknown direction", async () => {
    const { s, teacher, ids } = await courseWithLessons(["A", "B"]);
    await expect(
      moveLesson(teacher, { courseId: s.course.id, lessonId: ids.B, direction: "sideways" as "up" }),
    ).rejects.toThrow();
    expect(await order(s.course.id)).toEqual(["0:A", "1:B"]);
  });
});
