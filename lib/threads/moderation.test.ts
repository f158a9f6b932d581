import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createThread } from "./create-thread";
import { editPost } from "./edit-post";
import { getThread } from "./get-thread";
import { listThreads } from "./list-threads";
import { markAnswer } from "./mark-answer";
import { replyToThread } from "./reply-to-thread";
import { setHidden } from "./set-hidden";
import { setThreadPinned } from "./set-thread-pinned";
import { type AfterClassSchool, failureOf, makeAfterClassSchool, type Who } from "./test-fixtures";

let s: AfterClassSchool;
beforeAll(async () => {
  s = await makeAfterClassSchool();
});

async function threadWithReply(title = "第三心音与第四心音怎么区分？") {
  const thread = await createThread(s.as.author, { courseId: s.course.id, lessonId: s.lesson.id, title, body: "求助" });
  const post = await replyToThread(s.as.groupmate, { threadId: thread.id, body: "S3 在 S2 后，S4 在 S1 前" });
  return { threadId: thread.id, postId: post.id };
}

const rowsOf = (threadId: string) =>
  Promise.all([db.thread.findUniqueOrThrow({ where: { id: threadId } }), db.post.findMany({ where: { threadId }, orderBy: { id: "asc" } })]);

describe("moderation is for the course's staff", () => {
  const CASES: [Who, string][] = [
    ["teacher", "allowed"],
    ["assistant", "allowed"],
    ["author", "auth.forbidden"],
    ["groupmate", "auth.forbidden"],
    ["otherGroup", "auth.forbidden"],
    ["otherTeacher", "not_found"],
    ["deptAdmin", "not_found"],
    ["admin", "not_found"],
    ["outsider", "not_found"],
  ];
  const OPERATIONS: Record<string, (who: Who, ids: { threadId: string; postId: string }) => Promise<unknown>> = {
    pin: (who, { threadId }) => setThreadPinned(s.as[who], { threadId, pinned: true }),
    "mark the answer": (who, { postId }) => markAnswer(s.as[who], { postId, answer: true }),
    "hide the thread": (who, { threadId }) => setHidden(s.as[who], { kind: "thread", id: threadId, hidden: true }),
    "hide a reply": (who, { postId }) => setHidden(s.as[who], { kind: "post", id: postId, hidden: true }),
  };

  it.each(Object.keys(OPERATIONS).flatMap((op) => CASES.map(([who, expected]) => [op, who, expected] as const)))(
    "%s by %s → %s",
    async (operation, who, expected) => {
      const ids = await threadWithReply();
      const before = await rowsOf(ids.threadId);
      const run = OPERATIONS[operation](who, ids);
      if (expected === "allowed") {
        await run;
        expect(await rowsOf(ids.threadId)).not.toEqual(before);
      } else {
        expect(await failureOf(run)).toMatchObject({ code: expected });
        expect(await rowsOf(ids.threadId)).toEqual(before);
      }
    },
  );
});

describe("pinning and latest activity", () => {
  it("lists pinned threads first, then by latest activity; moderation does not move a thread", async () => {
    const course = await db.course.create({ data: { code: `P${Date.now()}`, title: "排序", term: "t", departmentId: s.dept.id } });
    await db.courseMember.createMany({ data: [{ courseId: course.id, userId: s.teacher.id, role: "TEACHER" }, { courseId: course.id, userId: s.student.id, role: "STUDENT" }] });
    const open = async (title: string, at: string) => {
      const { id } = await createThread(s.as.author, { courseId: course.id, title, body: "?" });
      await db.thread.update({ where: { id }, data: { updatedAt: new Date(at) } });
      return id;
    };
    const old = await open("旧", "2026-09-01T00:00:00Z");
    const middle = await open("中", "2026-09-02T00:00:00Z");
    const recent = await open("新", "2026-09-03T00:00:00Z");
    const order = async () => (await listThreads(s.as.author, { courseId: course.id, page: 1 })).items.map((t) => t.title);
    expect(await order()).toEqual(["新", "中", "旧"]);

    await setThreadPinned(s.as.teacher, { threadId: old, pinned: true });
    expect(await order()).toEqual(["旧", "新", "中"]);

    await replyToThread(s.as.author, { threadId: middle, body: "顶" });
    expect(await order()).toEqual(["旧", "中", "新"]);

    await setHidden(s.as.teacher, { kind: "thread", id: recent, hidden: true });
    await setHidden(s.as.teacher, { kind: "thread", id: recent, hidden: false });
    await setThreadPinned(s.as.teacher, { threadId: old, pinned: false });
    expect(await order()).toEqual(["中", "新", "旧"]);
  });
});

describe("the answer", () => {
  it("marks one reply as the answer, replaces it, and takes the mark away", async () => {
    const { threadId, postId } = await threadWithReply();
    const second = await replyToThread(s.as.teacher, { threadId, body: "看时相与听诊部位" });
    await markAnswer(s.as.teacher, { postId, answer: "true" as never });
    expect((await getThread(s.as.author, { threadId })).answerPostId).toBe(postId);
    expect((await listThreads(s.as.author, { courseId: s.course.id, page: 1 })).items.find((t) => t.id === threadId)?.answered).toBe(true);

    await markAnswer(s.as.teacher, { postId: second.id, answer: true });
    const detail = await getThread(s.as.author, { threadId });
    expect(detail.answerPostId).toBe(second.id);
    expect(detail.posts.map((p) => p.isAnswer)).toEqual([false, true]);

    await markAnswer(s.as.teacher, { postId, answer: false }); // not the answer: nothing changes
    expect((await getThread(s.as.author, { threadId })).answerPostId).toBe(second.id);
    await markAnswer(s.as.teacher, { postId: second.id, answer: false });
    expect((await getThread(s.as.author, { threadId })).answerPostId).toBeNull();
  });

  it("refuses a hidden reply as the answer", async () => {
    const { threadId, postId } = await threadWithReply();
    await setHidden(s.as.teacher, { kind: "post", id: postId, hidden: true });
    expect(await failureOf(markAnswer(s.as.teacher, { postId, answer: true }))).toMatchObject({ code: "threads.answer_hidden" });
    expect((await db.thread.findUniqueOrThrow({ where: { id: threadId } })).answerPostId).toBeNull();
  });
});

describe("hidden content", () => {
  it("takes a hidden thread away from students, its author included, and greys it for staff", async () => {
    const { threadId } = await threadWithReply("要隐藏的帖子");
    await setHidden(s.as.teacher, { kind: "thread", id: threadId, hidden: true });
    for (const who of ["author", "groupmate", "otherGroup"] as const) {
      const list = await listThreads(s.as[who], { courseId: s.course.id, page: 1 });
      expect(list.items.some((t) => t.id === threadId)).toBe(false);
      expect(await failureOf(getThread(s.as[who], { threadId }))).toMatchObject({ code: "not_found" });
      expect(await failureOf(replyToThread(s.as[who], { threadId, body: "还能回复吗" }))).toMatchObject({ code: "not_found" });
    }
    for (const who of ["teacher", "assistant"] as const) {
      const item = (await listThreads(s.as[who], { courseId: s.course.id, page: 1 })).items.find((t) => t.id === threadId);
      expect(item).toMatchObject({ hidden: true });
      expect(await getThread(s.as[who], { threadId })).toMatchObject({ hidden: true, canModerate: true });
    }
    await setHidden(s.as.assistant, { kind: "thread", id: threadId, hidden: false });
    expect((await getThread(s.as.author, { threadId })).hidden).toBe(false);
  });

  it("takes a hidden reply away from students and out of their counts, keeping it for staff", async () => {
    const { threadId, postId } = await threadWithReply("隐藏回复");
    await replyToThread(s.as.author, { threadId, body: "谢谢" });
    await markAnswer(s.as.teacher, { postId, answer: true });
    await setHidden(s.as.teacher, { kind: "post", id: postId, hidden: true });

    const forStudent = await getThread(s.as.author, { threadId });
    expect(forStudent.posts.map((p) => p.body)).toEqual(["谢谢"]);
    expect(forStudent.answerPostId).toBeNull();
    const studentItem = (await listThreads(s.as.author, { courseId: s.course.id, page: 1 })).items.find((t) => t.id === threadId);
    expect(studentItem).toMatchObject({ replyCount: 1, answered: false });
    expect(await failureOf(markAnswer(s.as.author, { postId, answer: false }))).toMatchObject({ code: "not_found" });
    expect(await failureOf(setHidden(s.as.groupmate, { kind: "post", id: postId, hidden: false }))).toMatchObject({ code: "not_found" });

    const forStaff = await getThread(s.as.teacher, { threadId });
    expect(forStaff.posts.map((p) => [p.body, p.hidden, p.edited])).toEqual([
      ["S3 在 S2 后，S4 在 S1 前", true, false],
      ["谢谢", false, false],
    ]);
    const staffItem = (await listThreads(s.as.teacher, { courseId: s.course.id, page: 1 })).items.find((t) => t.id === threadId);
    expect(staffItem).toMatchObject({ replyCount: 2, answered: true });
  });

  it("hides the author's reply from that author as well; they can no longer edit it", async () => {
    const { postId } = await threadWithReply("自己的回复");
    await setHidden(s.as.teacher, { kind: "post", id: postId, hidden: true });
    expect(await failureOf(editPost(s.as.groupmate, { postId, body: "改" }))).toMatchObject({ code: "not_found" });
  });
});
