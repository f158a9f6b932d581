import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { type AfterClassSchool, failureOf, makeAfterClassSchool } from "@/lib/threads/test-fixtures";
import { makeCourse } from "@/tests/factories";
import { createNote } from "./create-note";
import { listMyNotes } from "./list-my-notes";
import { NOTE_LIMITS } from "./schemas";

describe("listMyNotes", () => {
  let s: AfterClassSchool;
  let otherCourseId: string;
  beforeAll(async () => {
    s = await makeAfterClassSchool();
    const other = await makeCourse(s.dept.id, [{ userId: s.student.id, role: "STUDENT" }]);
    otherCourseId = other.id;
    const otherLesson = await db.lesson.create({ data: { courseId: other.id, position: 0, title: "发热", startsAt: new Date(), endsAt: new Date() } });
    const lessonId = s.lesson.id;
    await createNote(s.as.author, { lessonId, title: "第三心音", body: "S3 出现在舒张早期，Gallop rhythm" });
    await createNote(s.as.author, { lessonId, title: "第四心音", body: "心房收缩，s4 见于心室顺应性下降", visibility: "COURSE" });
    await createNote(s.as.author, { lessonId, title: "100% 记住", body: "下划线 a_b 与百分号，反斜杠 C:\\temp" });
    await createNote(s.as.author, { lessonId: otherLesson.id, title: "热型", body: "稽留热、弛张热" });
    await createNote(s.as.groupmate, { lessonId, title: "同学的第三心音", body: "S3", visibility: "COURSE" });
  });

  const titles = async (input: Parameters<typeof listMyNotes>[1]) => (await listMyNotes(s.as.author, input)).items.map((n) => n.title).sort();

  it("lists only the actor's own notes, across their courses, newest first", async () => {
    const page = await listMyNotes(s.as.author, { q: "", page: 1 });
    expect(page.total).toBe(4);
    expect(page.items[0].title).toBe("热型");
    expect(page.items.every((n) => n.authorId === s.student.id)).toBe(true);
    expect(page.courses.map((c) => c.id).sort()).toEqual([s.course.id, otherCourseId].sort());
  });

  it.each([
    ["心音", ["第三心音", "第四心音"]],
    ["gallop", ["第三心音"]],
    ["S4", ["第四心音"]],
    ["稽留", ["热型"]],
    ["%", ["100% 记住"]],
    ["_", ["100% 记住"]],
    ["\\", ["100% 记住"]],
    ["不存在的词", []],
  ])("searches title and body for %j, ignoring case and treating wildcards literally", async (q, expected) => {
    expect(await titles({ q, page: 1 })).toEqual(expected);
  });

  it("filters by course", async () => {
    expect(await titles({ q: "", courseId: otherCourseId, page: 1 })).toEqual(["热型"]);
    expect(await titles({ q: "心音", courseId: otherCourseId, page: 1 })).toEqual([]);
  });

  it("refuses a course the actor is not a member of", async () => {
    expect(await failureOf(listMyNotes(s.as.otherGroup, { q: "", courseId: otherCourseId, page: 1 }))).toMatchObject({ code: "not_found" });
    expect(await failureOf(listMyNotes(s.as.author, { q: "x".repeat(NOTE_LIMITS.query + 1), page: 1 }))).toMatchObject({ code: "validation" });
  });

  it("paginates", async () => {
    const many = Array.from({ length: NOTE_LIMITS.pageSize + 3 }, (_, i) => ({
      authorId: s.loner.id,
      courseId: s.course.id,
      lessonId: s.lesson.id,
      title: `笔记 ${i}`,
      updatedAt: new Date(Date.UTC(2026, 8, 1, 0, i)),
    }));
    await db.note.createMany({ data: many });
    const first = await listMyNotes(s.as.loner, { q: "", page: 1 });
    const second = await listMyNotes(s.as.loner, { q: "", page: "2" as never });
    expect(first).toMatchObject({ total: many.length, page: 1, pageCount: 2 });
    expect(first.items).toHaveLength(NOTE_LIMITS.pageSize);
    expect(first.items[0].title).toBe(`笔记 ${many.length - 1}`);
    expect(second.items.map((n) => n.title)).toEqual(["笔记 2", "笔记 1", "笔记 0"]);
    expect((await listMyNotes(s.as.loner, { q: "", page: "abc" as never })).page).toBe(1);
  });

  it("drops notes of courses the actor has left", async () => {
    const member = { courseId_userId: { courseId: otherCourseId, userId: s.student.id } };
    await db.courseMember.delete({ where: member });
    try {
      expect((await listMyNotes(s.as.author, { q: "", page: 1 })).items.map((n) => n.title)).not.toContain("热型");
    } finally {
      await db.courseMember.create({ data: { courseId: otherCourseId, userId: s.student.id, role: "STUDENT" } });
    }
  });
});
