import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { actorOf } from "@/tests/factories";
import { getFeedbackSummary } from "./get-feedback-summary";
import { FEEDBACK_LIMITS } from "./schemas";
import { tagFeedback } from "./tag-feedback";
import { giveFeedback, makeFeedbackSchool } from "./test-fixtures";
import { untagFeedback } from "./untag-feedback";

type School = Awaited<ReturnType<typeof makeFeedbackSchool>>;

const labelsOf = async (feedbackId: string) =>
  (await db.feedbackTag.findMany({ where: { feedbackId }, orderBy: { label: "asc" } })).map((tag) => tag.label);

describe("tagFeedback / untagFeedback", () => {
  let s: School;
  let first: { id: string };
  let second: { id: string };
  beforeAll(async () => {
    s = await makeFeedbackSchool();
    first = await giveFeedback(s.lesson, s.student.id, { ratings: [1, 2], unclear: "第三心音" });
    second = await giveFeedback(s.lesson, s.student2.id, { ratings: [2, 2], questions: "杂音分级" });
  });

  it("adds labels, counts them per tag, filters by tag and removes them", async () => {
    const teacher = actorOf(s.teacher);
    await expect(tagFeedback(teacher, { feedbackId: first.id, label: " 心音听诊 " })).resolves.toEqual({ lessonId: s.lesson.id });
    await tagFeedback(teacher, { feedbackId: first.id, label: "心音听诊" }); // already there: nothing changes
    await tagFeedback(teacher, { feedbackId: second.id, label: "心音听诊" });
    await tagFeedback(teacher, { feedbackId: second.id, label: "杂音" });
    expect(await labelsOf(first.id)).toEqual(["心音听诊"]);

    const summary = await getFeedbackSummary(teacher, { lessonId: s.lesson.id });
    expect(summary.tags).toEqual([
      { label: "心音听诊", count: 2 },
      { label: "杂音", count: 1 },
    ]);
    const filtered = await getFeedbackSummary(teacher, { lessonId: s.lesson.id, tag: "杂音" });
    expect(filtered.items.map((item) => [item.id, item.tags])).toEqual([[second.id, ["心音听诊", "杂音"]]]);
    expect(filtered.itemCount).toBe(2);

    await untagFeedback(teacher, { feedbackId: second.id, label: "杂音" });
    await untagFeedback(teacher, { feedbackId: second.id, label: "杂音" }); // already gone: nothing changes
    expect(await labelsOf(second.id)).toEqual(["心音听诊"]);
    await db.feedbackTag.deleteMany({ where: { feedbackId: { in: [first.id, second.id] } } });
  });

  it(`refuses more than ${FEEDBACK_LIMITS.tagsPerItem} labels on one item`, async () => {
    const teacher = actorOf(s.teacher);
    for (let i = 0; i < FEEDBACK_LIMITS.tagsPerItem; i++) await tagFeedback(teacher, { feedbackId: first.id, label: `标签${i}` });
    await expect(tagFeedback(teacher, { feedbackId: first.id, label: "再来一个" })).rejects.toMatchObject({ code: "feedback.too_many_tags" });
    expect(await labelsOf(first.id)).toHaveLength(FEEDBACK_LIMITS.tagsPerItem);
    await db.feedbackTag.deleteMany({ where: { feedbackId: first.id } });
  });

  it.each([
    ["blank", "   "],
    ["too long", "长".repeat(FEEDBACK_LIMITS.tagLabel + 1)],
  ])("refuses a %s label", async (_case, label) => {
    await expect(tagFeedback(actorOf(s.teacher), { feedbackId: first.id, label })).rejects.toBeInstanceOf(ZodError);
    expect(await labelsOf(first.id)).toEqual([]);
  });

  it("reports feedback that does not exist as not_found", async () => {
    await expect(tagFeedback(actorOf(s.admin), { feedbackId: "no-such-feedback", label: "x" })).rejects.toMatchObject({ code: "not_found" });
  });

  // Tags organise how the lesson is adjusted: whoever may edit the lesson; readers of the summary may not.
  it.each([
    ["teacher", "ok"],
    ["admin", "ok"],
    ["assistant", "auth.forbidden"],
    ["deptAdmin", "auth.forbidden"],
    ["student", "auth.forbidden"],
    ["otherTeacher", "not_found"],
    ["outsider", "not_found"],
  ] as const)("%s tagging and untagging → %s", async (who, expected) => {
    const actor = actorOf(s[who]);
    await tagFeedback(actorOf(s.teacher), { feedbackId: second.id, label: "已有" });
    const [tag, untag] = await Promise.allSettled([
      tagFeedback(actor, { feedbackId: first.id, label: "新标签" }),
      untagFeedback(actor, { feedbackId: second.id, label: "已有" }),
    ]);
    if (expected === "ok") {
      expect([tag.status, untag.status]).toEqual(["fulfilled", "fulfilled"]);
      expect([await labelsOf(first.id), await labelsOf(second.id)]).toEqual([["新标签"], []]);
    } else {
      for (const result of [tag, untag]) {
        expect(result).toMatchObject({ status: "rejected", reason: { code: expected } });
      }
      expect([await labelsOf(first.id), await labelsOf(second.id)]).toEqual([[], ["已有"]]);
    }
    await db.feedbackTag.deleteMany({ where: { feedbackId: { in: [first.id, second.id] } } });
  });
});
