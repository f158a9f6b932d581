import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeCourse } from "@/tests/factories";
import { createThread } from "./create-thread";
import { editPost } from "./edit-post";
import { editThread } from "./edit-thread";
import { replyToThread } from "./reply-to-thread";
import { THREAD_LIMITS } from "./schemas";
import { type AfterClassSchool, failureOf, makeAfterClassSchool, type Who } from "./test-fixtures";

let s: AfterClassSchool;
beforeAll(async () => {
  s = await makeAfterClassSchool();
});

const snapshot = async () => ({
  threads: await db.thread.findMany({ where: { courseId: s.course.id }, orderBy: { id: "asc" } }),
  posts: await db.post.findMany({ where: { thread: { courseId: s.course.id } }, orderBy: { id: "asc" } }),
  events: await db.domainEvent.count({ where: { courseId: s.course.id } }),
});

describe("createThread", () => {
  it("opens a course-wide thread about a lesson and raises thread.created with ids only", async () => {
    const { id } = await createThread(s.as.author, { courseId: s.course.id, lessonId: s.lesson.id, title: "第三心音与第四心音怎么区分？", body: "听诊时总分不清。" });
    expect(await db.thread.findUniqueOrThrow({ where: { id } })).toMatchObject({
      courseId: s.course.id,
      lessonId: s.lesson.id,
      caseId: null,
      groupId: null,
      authorId: s.student.id,
      pinned: false,
      hidden: false,
    });
    const event = await db.domainEvent.findFirstOrThrow({ where: { subjectId: id } });
    expect(event).toMatchObject({ type: "thread.created", courseId: s.course.id, lessonId: s.lesson.id, payload: { groupId: null } });
    expect(JSON.stringify(event.payload)).not.toContain("听诊");
  });

  it("opens a course-level thread, and one about the lesson's case", async () => {
    const course = await createThread(s.as.teacher, { courseId: s.course.id, title: "期末复习答疑", body: "在此提问。" });
    expect(await db.thread.findUniqueOrThrow({ where: { id: course.id } })).toMatchObject({ lessonId: null, caseId: null });
    const onCase = await createThread(s.as.author, { courseId: s.course.id, caseId: s.clinicalCase.id, title: "病例分析", body: "我的诊断思路" });
    expect(await db.thread.findUniqueOrThrow({ where: { id: onCase.id } })).toMatchObject({ lessonId: s.lesson.id, caseId: s.clinicalCase.id });
  });

  it("makes a student's group-only thread one for their own group, whatever group id was sent", async () => {
    const { id } = await createThread(s.as.author, { courseId: s.course.id, scope: "GROUP", groupId: s.groupB.id, title: "组内分工", body: "谁查文献？" });
    expect((await db.thread.findUniqueOrThrow({ where: { id } })).groupId).toBe(s.groupA.id);
    expect((await db.domainEvent.findFirstOrThrow({ where: { subjectId: id } })).payload).toEqual({ groupId: s.groupA.id });
  });

  it("lets staff open a thread for a group they choose", async () => {
    const { id } = await createThread(s.as.assistant, { courseId: s.course.id, scope: "GROUP", groupId: s.groupB.id, title: "第2组汇报", body: "请准备" });
    expect((await db.thread.findUniqueOrThrow({ where: { id } })).groupId).toBe(s.groupB.id);
  });

  it("refuses bad input and outsiders, saving nothing", async () => {
    const other = await makeCourse(s.dept.id, [{ userId: s.teacher.id, role: "TEACHER" }]);
    const otherGroup = await db.group.create({ data: { courseId: other.id, name: "外组" } });
    const otherLesson = await db.lesson.create({ data: { courseId: other.id, position: 0, title: "x", startsAt: new Date(), endsAt: new Date() } });
    const base = { courseId: s.course.id, title: "标题", body: "正文" };
    const CASES: [string, Who, object, string][] = [
      ["a blank title", "author", { title: " \n " }, "validation"],
      ["a title over 100", "author", { title: "题".repeat(THREAD_LIMITS.title + 1) }, "validation"],
      ["a blank body", "author", { body: "  \n\n " }, "validation"],
      ["a body over 20,000", "author", { body: "x".repeat(THREAD_LIMITS.body + 1) }, "validation"],
      ["an unknown scope", "author", { scope: "WORLD" }, "validation"],
      ["a group thread by a student without a group", "loner", { scope: "GROUP" }, "threads.no_group"],
      ["a group thread by staff without a group", "teacher", { scope: "GROUP" }, "threads.group_required"],
      ["a group of another course", "teacher", { scope: "GROUP", groupId: otherGroup.id }, "not_found"],
      ["a lesson of another course", "author", { lessonId: otherLesson.id }, "not_found"],
      ["a malformed lesson id", "author", { lessonId: "x\u0000" }, "validation"],
      ["a non-member", "outsider", {}, "not_found"],
      ["an admin who is not a member", "admin", {}, "not_found"],
    ];
    for (const [name, who, override, code] of CASES) {
      const before = await snapshot();
      expect(await failureOf(createThread(s.as[who], { ...base, ...override } as never)), name).toMatchObject({ code });
      expect(await snapshot(), name).toEqual(before);
    }
  });
});

describe("replies and edits", () => {
  it("replies, counting the reply as the thread's latest activity", async () => {
    const { id } = await createThread(s.as.author, { courseId: s.course.id, title: "回复测试", body: "问题" });
    await db.thread.update({ where: { id }, data: { updatedAt: new Date("2026-01-01T00:00:00Z") } });
    const reply = await replyToThread(s.as.teacher, { threadId: id, body: "S3 在 S2 之后。\r\n" });
    expect(await db.post.findUniqueOrThrow({ where: { id: reply.id } })).toMatchObject({ authorId: s.teacher.id, body: "S3 在 S2 之后。\n", hidden: false });
    expect((await db.thread.findUniqueOrThrow({ where: { id } })).updatedAt.getTime()).toBeGreaterThan(Date.UTC(2026, 0, 2));
  });

  it("refuses an oversized or blank reply, saving nothing", async () => {
    const { id } = await createThread(s.as.author, { courseId: s.course.id, title: "长回复", body: "问题" });
    const before = await snapshot();
    expect(await failureOf(replyToThread(s.as.author, { threadId: id, body: "x".repeat(THREAD_LIMITS.post + 1) }))).toMatchObject({
      code: "validation",
      fieldErrors: { body: ["validation.too_big"] },
    });
    expect(await failureOf(replyToThread(s.as.author, { threadId: id, body: " " }))).toMatchObject({ code: "validation" });
    expect(await snapshot()).toEqual(before);
  });

  // Everyone here can see the course-wide thread, or is refused before that.
  const EDITORS: [Who, string][] = [
    ["author", "allowed"],
    ["groupmate", "auth.forbidden"],
    ["teacher", "auth.forbidden"],
    ["assistant", "auth.forbidden"],
    ["outsider", "not_found"],
  ];

  it.each(EDITORS)("%s editing a student's reply → %s", async (who, expected) => {
    const { id: threadId } = await createThread(s.as.groupmate, { courseId: s.course.id, title: "编辑回复", body: "问题" });
    const { id } = await replyToThread(s.as.author, { threadId, body: "原回复" });
    const before = await snapshot();
    const run = editPost(s.as[who], { postId: id, body: "改过的回复" });
    if (expected === "allowed") {
      await run;
      expect((await db.post.findUniqueOrThrow({ where: { id } })).body).toBe("改过的回复");
    } else {
      expect(await failureOf(run)).toMatchObject({ code: expected });
      expect(await snapshot()).toEqual(before);
    }
  });

  it.each(EDITORS)("%s editing a student's thread → %s", async (who, expected) => {
    const { id } = await createThread(s.as.author, { courseId: s.course.id, title: "原标题", body: "原正文" });
    const before = await snapshot();
    const run = editThread(s.as[who], { threadId: id, title: "新标题", body: "新正文" });
    if (expected === "allowed") {
      await run;
      const thread = await db.thread.findUniqueOrThrow({ where: { id } });
      expect(thread).toMatchObject({ title: "新标题", body: "新正文" });
      expect(thread.updatedAt).toEqual(before.threads.find((t) => t.id === id)!.updatedAt);
    } else {
      expect(await failureOf(run)).toMatchObject({ code: expected });
      expect(await snapshot()).toEqual(before);
    }
  });

  it("refuses an oversized edit and keeps the reply", async () => {
    const { id: threadId } = await createThread(s.as.author, { courseId: s.course.id, title: "超长编辑", body: "问题" });
    const { id } = await replyToThread(s.as.author, { threadId, body: "原回复" });
    expect(await failureOf(editPost(s.as.author, { postId: id, body: "x".repeat(THREAD_LIMITS.post + 1) }))).toMatchObject({ code: "validation" });
    expect(await failureOf(editThread(s.as.author, { threadId, title: "t", body: "x".repeat(THREAD_LIMITS.body + 1) }))).toMatchObject({ code: "validation" });
    expect((await db.post.findUniqueOrThrow({ where: { id } })).body).toBe("原回复");
    expect((await db.thread.findUniqueOrThrow({ where: { id: threadId } })).title).toBe("超长编辑");
  });
});
