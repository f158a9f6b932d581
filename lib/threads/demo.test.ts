import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemoSchool } from "@/lib/demo/seed";
import { listNotesForLesson } from "@/lib/notes/list-notes-for-lesson";
import { actorOf } from "@/tests/factories";
import { seedDemoThreads } from "./demo";
import { getThread } from "./get-thread";
import { listThreads } from "./list-threads";

describe("seedDemoThreads", () => {
  const now = new Date("2026-11-02T04:00:00Z");
  let result: Awaited<ReturnType<typeof seedDemoThreads>>;
  beforeAll(async () => {
    result = (await seedDemoSchool(db, now)).threads;
  }, 120_000);

  const actor = async (no: string) => actorOf(await db.user.findUniqueOrThrow({ where: { no } }));
  const courseId = async () => (await db.course.findFirstOrThrow({ where: { code: "MED2101" } })).id;

  it("seeds threads, replies and notes once", async () => {
    expect(result).toEqual({ threads: 3, posts: 9, notes: 3 });
    expect(await seedDemoThreads(db, now)).toEqual({ threads: 0, posts: 0, notes: 0 });
  });

  it("shows 陈思远 the pinned case first, the answered question and their group's thread", async () => {
    const list = await listThreads(await actor("2023010101"), { courseId: await courseId(), page: 1 });
    expect(list.items.map((t) => [t.title.slice(0, 4), t.pinned, t.answered, !!t.group])).toEqual([
      ["病例分析", true, false, false],
      ["第三心音", false, true, false],
      ["本组病例", false, false, true],
    ]);
    const question = await getThread(await actor("2023010101"), { threadId: list.items[1].id });
    expect(question.posts).toHaveLength(3); // the hidden spam is not shown
    expect(question.posts.find((p) => p.isAnswer)?.author.role).toBe("TEACHER");
  });

  it("keeps the group thread and group note from students of other groups", async () => {
    const outsiderOfGroup = await db.courseMember.findFirstOrThrow({
      where: { courseId: await courseId(), role: "STUDENT", group: { name: { not: "第1组" } } },
      include: { user: true },
    });
    const other = actorOf(outsiderOfGroup.user);
    const list = await listThreads(other, { courseId: await courseId(), page: 1 });
    expect(list.items.map((t) => t.title)).not.toContain("本组病例汇报分工");
    const lesson = await db.lesson.findFirstOrThrow({ where: { courseId: await courseId(), title: { contains: "心音" } } });
    const notes = await listNotesForLesson(other, { lessonId: lesson.id });
    expect(notes.shared.map((n) => n.visibility)).not.toContain("GROUP");
    expect(notes.shared.map((n) => n.visibility)).not.toContain("PRIVATE");
  });
});
