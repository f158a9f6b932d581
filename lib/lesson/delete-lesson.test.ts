import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf, makeCourse, makeSchool } from "@/tests/factories";
import { createLesson } from "./create-lesson";
import { deleteLesson } from "./delete-lesson";
import { lessonInput } from "./test-fixtures";

const order = async (courseId: string) =>
  (await db.lesson.findMany({ where: { courseId }, orderBy: { position: "asc" }, select: { title: true, position: true } })).map(
    (l) => `${l.position}:${l.title}`,
  );

describe("deleteLesson", () => {
  it("deletes the lesson with its objectives and closes the gap", async () => {
    const s = await makeSchool();
    const teacher = actorOf(s.teacher);
    const ids: string[] = [];
    for (const title of ["A", "B", "C", "D"]) ids.push((await createLesson(teacher, lessonInput(s.course.id, { title }))).id);
    await deleteLesson(teacher, { courseId: s.course.id, lessonId: ids[1] });
    expect(await order(s.course.id)).toEqual(["0:A", "1:C", "2:D"]);
    expect(await db.lessonObjective.count({ where: { lessonId: ids[1] } })).toBe(0);
    await deleteLesson(teacher, { courseId: s.course.id, lessonId: ids[0] });
    expect(await order(s.course.id)).toEqual(["0:C", "1:D"]);
  });

  it("reports a lesson of another course, or one already deleted, as not_found", async () => {
    const s = await makeSchool();
    const teacher = actorOf(s.teacher);
    const otherCourse = await makeCourse(s.dept.id, [{ userId: s.teacher.id, role: "TEACHER" }]);
    const mine = await createLesson(teacher, lessonInput(s.course.id, { title: "A" }));
    const foreign = await createLesson(teacher, lessonInput(otherCourse.id, { title: "X" }));
    await expect(deleteLesson(teacher, { courseId: s.course.id, lessonId: foreign.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await order(otherCourse.id)).toEqual(["0:X"]);
    await deleteLesson(teacher, { courseId: s.course.id, lessonId: mine.id });
    await expect(deleteLesson(teacher, { courseId: s.course.id, lessonId: mine.id })).rejects.toMatchObject({ code: "not_found" });
  });
});
