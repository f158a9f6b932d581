import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { type AfterClassSchool, failureOf, makeAfterClassSchool, type Who } from "@/lib/threads/test-fixtures";
import { makeCourse } from "@/tests/factories";
import { createNote } from "./create-note";
import { deleteNote } from "./delete-note";
import { NOTE_LIMITS } from "./schemas";
import { updateNote } from "./update-note";

let s: AfterClassSchool;
beforeAll(async () => {
  s = await makeAfterClassSchool();
});

const snapshot = () =>
  db.note.findMany({ where: { courseId: s.course.id }, orderBy: { id: "asc" }, select: { id: true, title: true, body: true, visibility: true, groupId: true } });

describe("createNote", () => {
  it("saves a private note by default, about the lesson", async () => {
    const { id } = await createNote(s.as.author, { lessonId: s.lesson.id, title: "  第三心音\n 要点 ", body: "- S3 舒张早期\r\n- S4 舒张晚期" });
    const note = await db.note.findUniqueOrThrow({ where: { id } });
    expect(note).toMatchObject({
      authorId: s.student.id,
      courseId: s.course.id,
      lessonId: s.lesson.id,
      caseId: null,
      title: "第三心音 要点",
      body: "- S3 舒张早期\n- S4 舒张晚期",
      visibility: "PRIVATE",
      groupId: null,
    });
  });

  it("records the author's group when shared with the group", async () => {
    const { id } = await createNote(s.as.author, { lessonId: s.lesson.id, title: "组内", body: "", visibility: "GROUP" });
    expect(await db.note.findUniqueOrThrow({ where: { id } })).toMatchObject({ visibility: "GROUP", groupId: s.groupA.id });
  });

  it("ties a note to the lesson's case", async () => {
    const { id } = await createNote(s.as.author, { lessonId: s.lesson.id, caseId: s.clinicalCase.id, title: "病例分析", body: "" });
    expect(await db.note.findUniqueOrThrow({ where: { id } })).toMatchObject({ lessonId: s.lesson.id, caseId: s.clinicalCase.id });
  });

  it("lets staff write their own notes", async () => {
    const { id } = await createNote(s.as.teacher, { lessonId: s.lesson.id, title: "教学反思", body: "下次多放听诊音频", visibility: "COURSE" });
    expect(await db.note.findUniqueOrThrow({ where: { id } })).toMatchObject({ authorId: s.teacher.id, visibility: "COURSE" });
  });

  const refusals: [string, () => Promise<unknown>, string][] = [
    ["an empty title", () => createNote(s.as.author, { lessonId: s.lesson.id, title: "   ", body: "" }), "validation"],
    ["a title over 100", () => createNote(s.as.author, { lessonId: s.lesson.id, title: "题".repeat(NOTE_LIMITS.title + 1), body: "" }), "validation"],
    ["a body over 20,000", () => createNote(s.as.author, { lessonId: s.lesson.id, title: "长", body: "x".repeat(NOTE_LIMITS.body + 1) }), "validation"],
    ["an unknown visibility", () => createNote(s.as.author, { lessonId: s.lesson.id, title: "t", body: "", visibility: "PUBLIC" as never }), "validation"],
    ["GROUP without a group", () => createNote(s.as.loner, { lessonId: s.lesson.id, title: "t", body: "", visibility: "GROUP" }), "notes.no_group"],
    ["GROUP by staff", () => createNote(s.as.teacher, { lessonId: s.lesson.id, title: "t", body: "", visibility: "GROUP" }), "notes.no_group"],
    ["an unknown lesson", () => createNote(s.as.author, { lessonId: "nope", title: "t", body: "" }), "not_found"],
    ["a non-member", () => createNote(s.as.outsider, { lessonId: s.lesson.id, title: "t", body: "" }), "not_found"],
    ["an admin who is not a member", () => createNote(s.as.admin, { lessonId: s.lesson.id, title: "t", body: "" }), "not_found"],
  ];
  it.each(refusals)("refuses %s, saving nothing", async (_name, run, code) => {
    const before = await snapshot();
    expect(await failureOf(run())).toMatchObject({ code });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a case of another lesson or course, or one not confirmed de-identified", async () => {
    const other = await makeCourse(s.dept.id, [{ userId: s.student.id, role: "STUDENT" }]);
    const otherLesson = await db.lesson.create({ data: { courseId: other.id, position: 0, title: "x", startsAt: new Date(), endsAt: new Date() } });
    const otherCase = await db.clinicalCase.create({ data: { lessonId: otherLesson.id, title: "x", deidentified: true } });
    const draftLesson = await db.lesson.create({ data: { courseId: s.course.id, position: 1, title: "y", startsAt: new Date(), endsAt: new Date() } });
    const draftCase = await db.clinicalCase.create({ data: { lessonId: draftLesson.id, title: "未确认", deidentified: false } });
    const before = await snapshot();
    for (const [lessonId, caseId] of [[s.lesson.id, otherCase.id], [draftLesson.id, draftCase.id], [draftLesson.id, s.clinicalCase.id]]) {
      await expect(createNote(s.as.author, { lessonId, caseId, title: "t", body: "" })).rejects.toMatchObject({ code: "not_found" });
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("updateNote and deleteNote: only the author", () => {
  // Everyone here can read the COURSE note, or is refused before that.
  const CASES: [Who, string][] = [
    ["author", "allowed"],
    ["groupmate", "auth.forbidden"],
    ["otherGroup", "auth.forbidden"],
    ["teacher", "auth.forbidden"],
    ["assistant", "auth.forbidden"],
    ["outsider", "not_found"],
    ["admin", "not_found"],
  ];

  it.each(CASES)("%s editing a course-wide note → %s", async (who, expected) => {
    const { id } = await createNote(s.as.author, { lessonId: s.lesson.id, title: "原标题", body: "原文", visibility: "COURSE" });
    const before = await snapshot();
    const run = updateNote(s.as[who], { noteId: id, title: "新标题", body: "新内容", visibility: "COURSE" });
    if (expected === "allowed") {
      await run;
      expect(await db.note.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "新标题", body: "新内容" });
    } else {
      await expect(run).rejects.toMatchObject({ code: expected });
      expect(await snapshot()).toEqual(before);
    }
  });

  it.each(CASES)("%s deleting a course-wide note → %s", async (who, expected) => {
    const { id } = await createNote(s.as.author, { lessonId: s.lesson.id, title: "待删", body: "", visibility: "COURSE" });
    const run = deleteNote(s.as[who], { noteId: id });
    if (expected === "allowed") {
      await run;
      expect(await db.note.findUnique({ where: { id } })).toBeNull();
    } else {
      await expect(run).rejects.toMatchObject({ code: expected });
      expect(await db.note.findUnique({ where: { id } })).not.toBeNull();
    }
  });

  it("a private note is not_found for everyone else, teachers included", async () => {
    const { id } = await createNote(s.as.author, { lessonId: s.lesson.id, title: "私密", body: "" });
    for (const who of ["groupmate", "teacher", "assistant"] as const) {
      await expect(updateNote(s.as[who], { noteId: id, title: "x", body: "", visibility: "PRIVATE" })).rejects.toMatchObject({ code: "not_found" });
      await expect(deleteNote(s.as[who], { noteId: id })).rejects.toMatchObject({ code: "not_found" });
    }
  });

  it("moves the group only when the note is newly shared with the group", async () => {
    const { id } = await createNote(s.as.author, { lessonId: s.lesson.id, title: "组", body: "", visibility: "GROUP" });
    const member = { courseId_userId: { courseId: s.course.id, userId: s.student.id } };
    await db.courseMember.update({ where: member, data: { groupId: s.groupB.id } });
    try {
      await updateNote(s.as.author, { noteId: id, title: "组 改", body: "", visibility: "GROUP" });
      expect((await db.note.findUniqueOrThrow({ where: { id } })).groupId).toBe(s.groupA.id);
      await updateNote(s.as.author, { noteId: id, title: "组 改", body: "", visibility: "PRIVATE" });
      expect((await db.note.findUniqueOrThrow({ where: { id } })).groupId).toBeNull();
      await updateNote(s.as.author, { noteId: id, title: "组 改", body: "", visibility: "GROUP" });
      expect((await db.note.findUniqueOrThrow({ where: { id } })).groupId).toBe(s.groupB.id);
    } finally {
      await db.courseMember.update({ where: member, data: { groupId: s.groupA.id } });
    }
  });

  it("refuses an oversized edit and keeps the note", async () => {
    const { id } = await createNote(s.as.author, { lessonId: s.lesson.id, title: "保持", body: "原文" });
    const oversized = updateNote(s.as.author, { noteId: id, title: "保持", body: "x".repeat(NOTE_LIMITS.body + 1), visibility: "PRIVATE" });
    expect(await failureOf(oversized)).toMatchObject({ code: "validation", fieldErrors: { body: ["validation.too_big"] } });
    expect(await db.note.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "保持", body: "原文" });
  });
});
