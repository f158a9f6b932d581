import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { type AfterClassSchool, failureOf, makeAfterClassSchool } from "@/lib/threads/test-fixtures";
import { createNote } from "./create-note";
import { exportNotes } from "./export-notes";
import { contentDisposition } from "@/lib/http";
import { asciiFileName, safeFileName } from "./markdown-file";

describe("exportNotes", () => {
  let s: AfterClassSchool;
  let noteId: string;
  const now = new Date("2026-11-25T17:00:00Z"); // 2026-11-26 in Shanghai
  beforeAll(async () => {
    s = await makeAfterClassSchool();
    await db.course.update({ where: { id: s.course.id }, data: { code: "MED2101", title: "诊断学" } });
    await db.user.update({ where: { id: s.student.id }, data: { name: "陈思远" } });
    s.as.author.name = "陈思远";
    noteId = (await createNote(s.as.author, { lessonId: s.lesson.id, title: '第三心音 "S3" 与 S4', body: "## 要点\n\n- S3：舒张早期\n- S4：舒张晚期\n\n" })).id;
    await db.note.update({ where: { id: noteId }, data: { updatedAt: new Date("2026-09-07T20:30:00Z") } });
    const second = await createNote(s.as.author, { lessonId: s.lesson.id, caseId: s.clinicalCase.id, title: "病例小结", body: "考虑心力衰竭", visibility: "COURSE" });
    await db.note.update({ where: { id: second.id }, data: { updatedAt: new Date("2026-09-08T02:00:00Z") } });
    await createNote(s.as.groupmate, { lessonId: s.lesson.id, title: "别人的笔记", body: "不应导出", visibility: "COURSE" });
  });

  it("exports one note with front matter (course, lesson, date in Shanghai)", async () => {
    const file = await exportNotes(s.as.author, { noteId });
    expect(file.content).toBe(
      [
        "---",
        'title: "第三心音 \\"S3\\" 与 S4"',
        'course: "MED2101 诊断学"',
        'lesson: "心脏检查：心音与杂音"',
        'author: "陈思远"',
        "date: 2026-09-08",
        "---",
        "",
        '# 第三心音 "S3" 与 S4',
        "",
        "## 要点\n\n- S3：舒张早期\n- S4：舒张晚期\n",
      ].join("\n"),
    );
    expect(file.fileName).toBe("第三心音 _S3_ 与 S4.md");
    expect(file.asciiFileName).toBe(`note-${noteId}.md`);
  });

  it("exports all of the actor's notes of a course, and only theirs", async () => {
    const file = await exportNotes(s.as.author, { courseId: s.course.id }, now);
    expect(file.content.startsWith('---\ncourse: "MED2101 诊断学"\nauthor: "陈思远"\ndate: 2026-11-26\nnotes: 2\n---\n')).toBe(true);
    expect(file.content).toContain("# 病例小结\n\n*lesson: 心脏检查：心音与杂音 · date: 2026-09-08*\n\n考虑心力衰竭\n");
    expect(file.content).toContain("* * *");
    expect(file.content).not.toContain("别人的笔记");
    expect(file.fileName).toBe("MED2101 诊断学.md");
    expect(file.asciiFileName).toBe("notes-MED2101.md");
  });

  it("exports a note shared with the actor, not one kept private", async () => {
    const shared = await db.note.findFirstOrThrow({ where: { title: "病例小结" } });
    expect((await exportNotes(s.as.otherGroup, { noteId: shared.id })).content).toContain("考虑心力衰竭");
    expect(await failureOf(exportNotes(s.as.teacher, { noteId }))).toMatchObject({ code: "not_found" });
  });

  it.each([
    ["outsider", { courseId: "course" }, "not_found"],
    ["admin", { courseId: "course" }, "not_found"],
    ["outsider", { noteId: "note" }, "not_found"],
    ["author", { noteId: "nope" }, "not_found"],
    ["author", {}, "validation"],
    ["author", { noteId: "note", courseId: "course" }, "validation"],
  ] as const)("%s exporting %j → %s", async (who, target, code) => {
    const input = Object.fromEntries(
      Object.entries(target).map(([key, value]) => [key, value === "course" ? s.course.id : value === "note" ? noteId : value]),
    );
    expect(await failureOf(exportNotes(s.as[who], input as never))).toMatchObject({ code });
  });
});

describe("download names", () => {
  it.each([
    ["a/b\\c:d*e?f\"g<h>i|j", "a_b_c_d_e_f_g_h_i_j.md"],
    ["  ..隐藏.  ", "隐藏.md"],
    ["\u0000\u0007", "_.md"],
    ["", "notes.md"],
    ["长".repeat(200), `${"长".repeat(80)}.md`],
  ])("safeFileName(%j) = %j", (name, expected) => {
    expect(safeFileName(name, "md")).toBe(expected);
  });

  it("has a plain ASCII fallback and an RFC 5987 UTF-8 name", () => {
    expect(asciiFileName("notes-MED 2101/诊断", "md")).toBe("notes-MED-2101.md");
    expect(asciiFileName("诊断", "md")).toBe("notes.md");
    expect(contentDisposition("attachment", "第三心音 (S3)'s.md", "note.md")).toBe(
      "attachment; filename=\"note.md\"; filename*=UTF-8''%E7%AC%AC%E4%B8%89%E5%BF%83%E9%9F%B3%20%28S3%29%27s.md",
    );
  });
});
