import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf, makeSchool } from "@/tests/factories";
import { createLesson } from "./create-lesson";
import { getLessonForEdit, getNewLessonDefaults } from "./queries";
import { lessonInput } from "./test-fixtures";

describe("getLessonForEdit", () => {
  it("returns the lesson with its objectives and refuses one of another course", async () => {
    const s = await makeSchool();
    const teacher = actorOf(s.teacher);
    const lesson = await createLesson(teacher, lessonInput(s.course.id));
    await expect(getLessonForEdit(teacher, s.course.id, lesson.id)).resolves.toMatchObject({
      id: lesson.id,
      title: "绪论与问诊概述",
      objectives: [
        { id: expect.any(String), text: "了解诊断学的内容" },
        { id: expect.any(String), text: "掌握问诊的基本方法" },
      ],
    });
    const { course: otherCourse } = await makeSchool();
    await db.courseMember.create({ data: { courseId: otherCourse.id, userId: s.teacher.id, role: "TEACHER" } });
    await expect(getLessonForEdit(teacher, otherCourse.id, lesson.id)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("getNewLessonDefaults", () => {
  it("suggests the same time and room a week after the last lesson", async () => {
    const s = await makeSchool();
    const teacher = actorOf(s.teacher);
    await createLesson(teacher, lessonInput(s.course.id, { date: "2026-12-28", startTime: "13:30", endTime: "15:10", room: "教学楼 305" }));
    await createLesson(teacher, lessonInput(s.course.id, { date: "2026-09-07" }));
    // The last lesson in the order, not the latest date, is the one the next lesson follows.
    expect(await getNewLessonDefaults(teacher, s.course.id)).toEqual({
      title: "",
      summary: "",
      objectives: [],
      date: "2026-09-14",
      startTime: "08:00",
      endTime: "09:40",
      room: "临床技能中心 201",
    });
  });

  it("starts blank for a course without lessons and is for editors only", async () => {
    const s = await makeSchool();
    expect(await getNewLessonDefaults(actorOf(s.teacher), s.course.id)).toMatchObject({ date: "", startTime: "", endTime: "", room: "" });
    await expect(getNewLessonDefaults(actorOf(s.assistant), s.course.id)).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(getNewLessonDefaults(actorOf(s.otherTeacher), s.course.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
