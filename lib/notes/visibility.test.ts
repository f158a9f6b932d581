import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { type AfterClassSchool, makeAfterClassSchool, type Who } from "@/lib/threads/test-fixtures";
import { createNote } from "./create-note";
import { exportNotes } from "./export-notes";
import { listNotesForLesson } from "./list-notes-for-lesson";

// Who reads a note, by its visibility. "no" = a member who does not see it (absent from lists, not_found when
// asked for by id); "not_found" = not a member of the course, refused for everything.
const MATRIX: [Who, PRIVATE: string, GROUP: string, COURSE: string][] = [
  ["author", "yes", "yes", "yes"],
  ["groupmate", "no", "yes", "yes"],
  ["otherGroup", "no", "no", "yes"],
  ["loner", "no", "no", "yes"],
  ["teacher", "no", "yes", "yes"],
  ["assistant", "no", "yes", "yes"],
  ["otherTeacher", "not_found", "not_found", "not_found"],
  ["outsider", "not_found", "not_found", "not_found"],
  ["deptAdmin", "not_found", "not_found", "not_found"],
  ["admin", "not_found", "not_found", "not_found"],
];
const VISIBILITIES = ["PRIVATE", "GROUP", "COURSE"] as const;

describe("note visibility", () => {
  let s: AfterClassSchool;
  const noteIds: Record<string, string> = {};
  beforeAll(async () => {
    s = await makeAfterClassSchool();
    for (const visibility of VISIBILITIES) {
      const note = await createNote(s.as.author, { lessonId: s.lesson.id, title: `${visibility} 笔记`, body: "S3 与 S4", visibility });
      noteIds[visibility] = note.id;
    }
  });

  it.each(MATRIX.flatMap(([who, ...expected]) => VISIBILITIES.map((v, i) => [who, v, expected[i]] as const)))(
    "%s reading a %s note → %s",
    async (who, visibility, expected) => {
      const actor = s.as[who];
      const noteId = noteIds[visibility];
      // Called only when awaited: a rejection left pending while another is awaited counts as unhandled.
      const list = () => listNotesForLesson(actor, { lessonId: s.lesson.id });
      const exported = () => exportNotes(actor, { noteId });
      if (expected === "not_found") {
        await expect(list()).rejects.toMatchObject({ code: "not_found" });
        await expect(exported()).rejects.toMatchObject({ code: "not_found" });
        return;
      }
      const { mine, shared } = await list();
      const seen = [...mine, ...shared].some((note) => note.id === noteId);
      expect(seen).toBe(expected === "yes");
      if (expected === "yes") {
        expect((await exported()).content).toContain(`# ${visibility} 笔记`);
      } else {
        await expect(exported()).rejects.toMatchObject({ code: "not_found" });
      }
    },
  );

  it("lists the author's notes as mine and others' as shared", async () => {
    const forAuthor = await listNotesForLesson(s.as.author, { lessonId: s.lesson.id });
    expect(forAuthor.mine.map((n) => n.title).sort()).toEqual(["COURSE 笔记", "GROUP 笔记", "PRIVATE 笔记"]);
    expect(forAuthor.shared).toEqual([]);
    const forGroupmate = await listNotesForLesson(s.as.groupmate, { lessonId: s.lesson.id });
    expect(forGroupmate.mine).toEqual([]);
    expect(forGroupmate.shared.map((n) => n.title).sort()).toEqual(["COURSE 笔记", "GROUP 笔记"]);
    expect(forGroupmate.sharedTotal).toBe(2);
  });

  it("keeps a group note with the group it was shared with when the author moves", async () => {
    const note = await createNote(s.as.author, { lessonId: s.lesson.id, title: "搬组前", body: "", visibility: "GROUP" });
    await db.courseMember.update({ where: { courseId_userId: { courseId: s.course.id, userId: s.student.id } }, data: { groupId: s.groupB.id } });
    try {
      const groupmate = await listNotesForLesson(s.as.groupmate, { lessonId: s.lesson.id });
      expect(groupmate.shared.some((n) => n.id === note.id)).toBe(true);
      const newGroup = await listNotesForLesson(s.as.otherGroup, { lessonId: s.lesson.id });
      expect(newGroup.shared.some((n) => n.id === note.id)).toBe(false);
    } finally {
      await db.courseMember.update({ where: { courseId_userId: { courseId: s.course.id, userId: s.student.id } }, data: { groupId: s.groupA.id } });
    }
  });
});
