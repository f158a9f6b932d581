import { beforeAll, describe, expect, it } from "vitest";
import { createThread } from "./create-thread";
import { getThread } from "./get-thread";
import { listThreads } from "./list-threads";
import { replyToThread } from "./reply-to-thread";
import { type AfterClassSchool, failureOf, makeAfterClassSchool, type Who } from "./test-fixtures";

// Who sees a thread: course-wide ones every member, group-only ones that group and the staff. "no" = a member who
// does not see it (absent from lists, not_found by id); "not_found" = not a member, refused for everything.
const MATRIX: [Who, COURSE: string, GROUP: string][] = [
  ["author", "yes", "yes"],
  ["groupmate", "yes", "yes"],
  ["otherGroup", "yes", "no"],
  ["loner", "yes", "no"],
  ["teacher", "yes", "yes"],
  ["assistant", "yes", "yes"],
  ["otherTeacher", "not_found", "not_found"],
  ["outsider", "not_found", "not_found"],
  ["deptAdmin", "not_found", "not_found"],
  ["admin", "not_found", "not_found"],
];
const SCOPES = ["COURSE", "GROUP"] as const;

describe("thread visibility", () => {
  let s: AfterClassSchool;
  const threadIds: Record<string, string> = {};
  beforeAll(async () => {
    s = await makeAfterClassSchool();
    for (const scope of SCOPES) {
      const thread = await createThread(s.as.author, { courseId: s.course.id, lessonId: s.lesson.id, scope, title: `${scope} 讨论`, body: "大家怎么看？" });
      threadIds[scope] = thread.id;
    }
  });

  it.each(MATRIX.flatMap(([who, ...expected]) => SCOPES.map((scope, i) => [who, scope, expected[i]] as const)))(
    "%s and a %s thread → %s",
    async (who, scope, expected) => {
      const actor = s.as[who];
      const threadId = threadIds[scope];
      // Each call starts only when awaited: a rejection left pending while another is awaited counts as unhandled.
      const list = () => listThreads(actor, { courseId: s.course.id, page: 1 });
      const lessonList = () => listThreads(actor, { courseId: s.course.id, lessonId: s.lesson.id, page: 1 });
      const detail = () => getThread(actor, { threadId });
      const reply = () => replyToThread(actor, { threadId, body: "我来回答" });
      if (expected === "not_found") {
        for (const work of [list, lessonList, detail, reply]) expect(await failureOf(work())).toMatchObject({ code: "not_found" });
        return;
      }
      expect((await list()).items.some((t) => t.id === threadId)).toBe(expected === "yes");
      expect((await lessonList()).items.some((t) => t.id === threadId)).toBe(expected === "yes");
      if (expected === "yes") {
        expect((await detail()).title).toBe(`${scope} 讨论`);
        await reply();
      } else {
        expect(await failureOf(detail())).toMatchObject({ code: "not_found" });
        expect(await failureOf(reply())).toMatchObject({ code: "not_found" });
      }
    },
  );

  it("shows the group's name on group-only threads", async () => {
    const list = await listThreads(s.as.teacher, { courseId: s.course.id, page: 1 });
    expect(list.items.find((t) => t.id === threadIds.GROUP)?.group).toEqual({ name: s.groupA.name });
    expect(list.items.find((t) => t.id === threadIds.COURSE)?.group).toBeNull();
  });
});
