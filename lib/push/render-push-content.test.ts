import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PUSH_KINDS } from "@/lib/wechat/push-kinds";
import { PushContentError, type PushContentInput, THING_MAX, renderPushContent, templateDataOf, templateTime } from "./render-push-content";

const LESSON_ID = "cm3lessonid0000000000000";
const input = (overrides: Partial<PushContentInput> = {}): PushContentInput => ({
  kind: "preclass_feedback",
  courseTitle: "诊断学",
  itemTitle: "心脏检查：心音与杂音",
  time: new Date("2026-11-26T00:00:00Z"),
  targetId: LESSON_ID,
  ...overrides,
});

const LANDINGS: Record<string, string> = {
  preclass_feedback: `/student/lessons/${LESSON_ID}/pre`,
  live_topic: `/student/lessons/${LESSON_ID}/live`,
  feedback_summary: `/teacher/lessons/${LESSON_ID}/feedback`,
  quiz_published: `/student/quizzes/${LESSON_ID}`,
  homework_published: `/student/homework/${LESSON_ID}`,
  deadline_reminder: `/student/homework/${LESSON_ID}`,
  peer_review: `/student/peer-reviews/${LESSON_ID}`,
};

// What must never reach a template, phrased the way a careless caller would pass it along.
const SENSITIVE_FIELDS: Record<string, unknown> = {
  score: 59,
  grade: "不及格",
  rank: 3,
  diagnosis: "急性心肌梗死",
  health: "哮喘",
  patient: "张某，男，56 岁",
  caseText: "主诉：活动后气促 2 周",
  answer: "二尖瓣狭窄",
  studentName: "李雷",
};

describe("renderPushContent: the one place push content is built", () => {
  it.each(PUSH_KINDS)("%s: a title, a time and a link to the app's H5 entry, nothing else", (kind) => {
    const content = renderPushContent(input({ kind }));
    expect(Object.keys(content).sort()).toEqual(["time", "title", "url"]);
    expect(content.title).toBe("诊断学 · 心脏检查：心音与杂音");
    expect(content.time).toEqual(new Date("2026-11-26T00:00:00Z"));
    const url = new URL(content.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${new URL(process.env.NEXTAUTH_URL ?? "http://localhost:3000").origin}/h5/entry`);
    expect([...url.searchParams.keys()]).toEqual(["next"]);
    expect(url.searchParams.get("next")).toBe(LANDINGS[kind]);
  });

  it.each(PUSH_KINDS.flatMap((kind) => Object.entries(SENSITIVE_FIELDS).map(([field, value]) => [kind, field, value] as const)))(
    "%s: rejects any other field (%s)",
    (kind, field, value) => {
      const smuggled = { ...input({ kind }), [field]: value } as PushContentInput;
      expect(() => renderPushContent(smuggled)).toThrow(PushContentError);
    },
  );

  it.each([
    ["an unknown kind", { kind: "grade_released" }],
    ["a malformed target id", { targetId: "../../admin" }],
    ["an invalid time", { time: new Date("nope") }],
    ["a non-text title", { courseTitle: 95 }],
    ["empty titles", { courseTitle: " ", itemTitle: "\n" }],
  ])("rejects %s", (_case, overrides) => {
    expect(() => renderPushContent(input(overrides as Partial<PushContentInput>))).toThrow(PushContentError);
  });

  it("template data holds only thing1 (≤ 20 characters, no control characters) and time2", () => {
    const content = renderPushContent(input({ courseTitle: "内科学（临床医学专业 2023 级）", itemTitle: "第三章\n心力衰竭的诊断与治疗原则" }));
    const data = templateDataOf(content);
    expect(Object.keys(data)).toEqual(["thing1", "time2"]);
    expect(Array.from(data.thing1.value)).toHaveLength(THING_MAX);
    expect(data.thing1.value.endsWith("…")).toBe(true);
    expect(data.time2.value).toBe("2026年11月26日 08:00");
  });

  it("writes times as 24-hour Shanghai time", () => {
    expect(templateTime(new Date("2026-03-01T15:05:00Z"))).toBe("2026年3月1日 23:05");
  });

  it("builds a title only out of the two titles, whatever they hold", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PUSH_KINDS), fc.string(), fc.string(), (kind, courseTitle, itemTitle) => {
        let content;
        try {
          content = renderPushContent(input({ kind, courseTitle, itemTitle }));
        } catch (error) {
          // Only titles with nothing printable in them are refused.
          return error instanceof PushContentError && !/[^\s\u0000-\u001f\u007f-\u009f]/.test(courseTitle + itemTitle);
        }
        const data = templateDataOf(content);
        const allowed = new Set([...courseTitle, ...itemTitle, ..." ·…"]);
        return (
          Array.from(data.thing1.value).length <= THING_MAX &&
          [...content.title].every((ch) => allowed.has(ch)) &&
          !/[\u0000-\u001f\u007f]/.test(content.title + data.thing1.value) &&
          new URL(content.url).searchParams.get("next") === LANDINGS[kind]
        );
      }),
    );
  });
});
