import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { giveFeedback, makeFeedbackSchool, makeLessonWithObjectives } from "@/lib/feedback/test-fixtures";
import { seedDemoPlan } from "./demo";

describe("seedDemoPlan", () => {
  it("writes a first plan for lessons with feedback and a revision caused by the weakest objectives and feedback", async () => {
    const s = await makeFeedbackSchool();
    const heart = await makeLessonWithObjectives(s.course.id, ["理解心音的产生机制", "掌握第三心音的听诊", "能够鉴别心脏杂音"]);
    await giveFeedback(heart, s.student.id, { ratings: [4, 1, 3], unclear: "第三心音听不出来" });
    await giveFeedback(heart, s.student2.id, { ratings: [5, 2, 2], questions: "杂音怎么分级？" });
    await giveFeedback(heart, s.student3.id, { ratings: [4, 2, 3], unclear: "S3 的产生机制" });
    await giveFeedback(heart, s.student4.id, { ratings: [3, 3, 2], questions: "S3 和 S4 怎么区分？" });
    await giveFeedback(s.lesson, s.student.id, { ratings: [3, 3] });
    const untouched = await makeLessonWithObjectives(s.course.id, ["没有反馈"]);
    // makeFeedbackSchool's lesson has the heart-sounds title too; the demo must pick one, and only one.
    await db.lesson.update({ where: { id: s.lesson.id }, data: { title: "心力衰竭" } });

    const result = await seedDemoPlan(db);

    const versions = await db.lessonPlanVersion.findMany({
      where: { lesson: { courseId: s.course.id } },
      orderBy: [{ lessonId: "asc" }, { version: "asc" }],
      include: { objectives: true, feedback: true },
    });
    expect(versions.filter((v) => v.lessonId === untouched.id)).toEqual([]);
    expect(versions.filter((v) => v.lessonId === s.lesson.id).map((v) => v.version)).toEqual([1]);
    const [v1, v2] = versions.filter((v) => v.lessonId === heart.id);
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(v1.authorId).toBe(s.teacher.id);
    expect(v2.changeNote).toBe("增加心音听诊音频示例，延长第三心音讲解时间");
    expect(v2.content).not.toBe(v1.content);
    // Means: 4, 2, 2.5 → the second and third objectives.
    expect(v2.objectives.map((o) => o.objectiveId).sort()).toEqual([heart.objectives[1].id, heart.objectives[2].id].sort());
    expect(v2.feedback).toHaveLength(3);
    expect(result.versions).toBe(3);

    const tags = await db.feedbackTag.findMany({ where: { feedback: { lessonId: heart.id } } });
    expect(tags.length).toBe(result.tags);
    expect(new Set(tags.map((t) => t.label))).toEqual(new Set(["第三心音", "杂音鉴别", "发生机制", "易混淆概念"]));

    expect(await seedDemoPlan(db)).toEqual({ versions: 0, tags: 0 });
  });
});
