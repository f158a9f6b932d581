import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { giveFeedback, makeFeedbackSchool, makeLessonWithObjectives } from "@/lib/feedback/test-fixtures";
import { actorOf } from "@/tests/factories";
import { getPlanVersionDiff } from "./get-plan-version-diff";
import { listPlanVersions } from "./list-plan-versions";
import { savePlanVersion } from "./save-plan-version";
import { PLAN_LIMITS, SavePlanVersionFormSchema } from "./schemas";

type School = Awaited<ReturnType<typeof makeFeedbackSchool>>;

const V1 = "# 教案\n\n1. 复习心脏解剖（10 分钟）\n2. 正常心音（20 分钟）\n3. 病例讨论（30 分钟）\n";
const V2 = "# 教案\n\n1. 复习心脏解剖（10 分钟）\n2. 正常心音与第三心音（35 分钟），播放听诊音频\n3. 病例讨论（30 分钟）\n";

describe("savePlanVersion", () => {
  let s: School;
  let feedbackIds: string[];
  let otherLesson: Awaited<ReturnType<typeof makeLessonWithObjectives>>;
  let otherFeedbackId: string;
  beforeAll(async () => {
    s = await makeFeedbackSchool();
    feedbackIds = [
      (await giveFeedback(s.lesson, s.student.id, { ratings: [1, 2], unclear: "第三心音听不出来" })).id,
      (await giveFeedback(s.lesson, s.student2.id, { ratings: [2, 3], questions: "S3 的临床意义？" })).id,
    ];
    otherLesson = await makeLessonWithObjectives(s.course.id, ["另一次课的目标"]);
    otherFeedbackId = (await giveFeedback(otherLesson, s.student.id, { ratings: [3], unclear: "别的课" })).id;
  });

  const snapshot = async (lessonId: string) => ({
    versions: await db.lessonPlanVersion.findMany({ where: { lessonId }, orderBy: { version: "asc" }, select: { version: true, content: true } }),
    events: await db.domainEvent.count({ where: { lessonId, type: "plan.revised" } }),
  });

  it("numbers versions 1, 2 … , links the causes and raises plan.revised", async () => {
    const teacher = actorOf(s.teacher);
    const lessonId = s.lesson.id;
    const first = await savePlanVersion(teacher, { lessonId, baseVersion: 0, content: V1, changeNote: "初版教案" });
    expect(first).toMatchObject({ lessonId, version: 1 });
    const second = await savePlanVersion(teacher, {
      lessonId,
      baseVersion: 1,
      content: V2,
      changeNote: "增加心音听诊音频示例，延长第三心音讲解时间",
      objectiveIds: [s.lesson.objectives[0].id, s.lesson.objectives[0].id],
      feedbackIds,
    });
    expect(second).toMatchObject({ lessonId, version: 2 });

    const { versions, canEdit } = await listPlanVersions(teacher, lessonId);
    expect(canEdit).toBe(true);
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[0]).toMatchObject({
      content: V2,
      changeNote: "增加心音听诊音频示例，延长第三心音讲解时间",
      authorName: s.teacher.name,
      objectives: [{ id: s.lesson.objectives[0].id, text: "理解第三心音的产生机制" }],
    });
    expect(new Map(versions[0].feedback.map((f) => [f.id, [f.studentName, f.unclear, f.questions]]))).toEqual(
      new Map([
        [feedbackIds[0], [s.student.name, "第三心音听不出来", ""]],
        [feedbackIds[1], [s.student2.name, "", "S3 的临床意义？"]],
      ]),
    );
    expect(versions[1]).toMatchObject({ objectives: [], feedback: [] });

    const events = await db.domainEvent.findMany({ where: { lessonId, type: "plan.revised" }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.subjectId, e.courseId, e.payload])).toEqual([
      [first.id, s.course.id, { version: 1, objectiveIds: [], feedbackIds: [] }],
      [second.id, s.course.id, { version: 2, objectiveIds: [s.lesson.objectives[0].id], feedbackIds }],
    ]);
  });

  it("shows the diff of a version against its predecessor", async () => {
    const { diff, previousVersion } = await getPlanVersionDiff(actorOf(s.assistant), { lessonId: s.lesson.id, version: 2 });
    expect(previousVersion).toBe(1);
    expect({ added: diff.added, removed: diff.removed }).toEqual({ added: 1, removed: 1 });
    await expect(getPlanVersionDiff(actorOf(s.teacher), { lessonId: s.lesson.id, version: 9 })).rejects.toMatchObject({ code: "not_found" });
    await expect(getPlanVersionDiff(actorOf(s.student), { lessonId: s.lesson.id, version: 2 })).rejects.toMatchObject({ code: "auth.forbidden" });
  });

  it("refuses a save started from an older version, or with the same content, changing nothing", async () => {
    const lessonId = s.lesson.id;
    const before = await snapshot(lessonId);
    const base = { lessonId, changeNote: "再调整" };
    await expect(savePlanVersion(actorOf(s.teacher), { ...base, baseVersion: 1, content: "新内容" })).rejects.toMatchObject({ code: "conflict" });
    await expect(savePlanVersion(actorOf(s.teacher), { ...base, baseVersion: 2, content: V2 })).rejects.toMatchObject({ code: "plan.unchanged" });
    // Browsers post CRLF: the same plan typed in a textarea is still unchanged.
    await expect(savePlanVersion(actorOf(s.teacher), { ...base, baseVersion: 2, content: V2.replace(/\n/g, "\r\n") })).rejects.toMatchObject({
      code: "plan.unchanged",
    });
    expect(await snapshot(lessonId)).toEqual(before);
  });

  it("lets exactly one of two concurrent saves through; the other is a conflict", async () => {
    const lesson = await makeLessonWithObjectives(s.course.id, ["并发"]);
    await savePlanVersion(actorOf(s.teacher), { lessonId: lesson.id, baseVersion: 0, content: "v1", changeNote: "初版" });
    const results = await Promise.allSettled(
      ["甲", "乙"].map((who) => savePlanVersion(actorOf(s.teacher), { lessonId: lesson.id, baseVersion: 1, content: `v2 ${who}`, changeNote: who })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["conflict"]);
    expect((await snapshot(lesson.id)).versions.map((v) => v.version)).toEqual([1, 2]);
  });

  // Causes must be this lesson's objectives and feedback.
  it.each([
    ["an objective of another lesson", () => ({ objectiveIds: [otherLesson.objectives[0].id] })],
    ["feedback on another lesson", () => ({ feedbackIds: [feedbackIds[0], otherFeedbackId] })],
    ["an objective that does not exist", () => ({ objectiveIds: ["no-such-objective"] })],
  ])("refuses %s as a cause (not_found), changing nothing", async (_case, causes) => {
    const before = await snapshot(s.lesson.id);
    const run = savePlanVersion(actorOf(s.teacher), { lessonId: s.lesson.id, baseVersion: 2, content: "v3", changeNote: "x", ...causes() });
    await expect(run).rejects.toMatchObject({ code: "not_found" });
    expect(await snapshot(s.lesson.id)).toEqual(before);
  });

  it.each([
    ["blank content", { content: " \n " }, "content"],
    ["content too long", { content: "a".repeat(PLAN_LIMITS.content + 1) }, "content"],
    ["no change note", { changeNote: "  " }, "changeNote"],
    ["change note too long", { changeNote: "改".repeat(PLAN_LIMITS.changeNote + 1) }, "changeNote"],
  ])("refuses %s", async (_case, override, field) => {
    const before = await snapshot(s.lesson.id);
    const error = await savePlanVersion(actorOf(s.teacher), { lessonId: s.lesson.id, baseVersion: 2, content: "v3", changeNote: "x", ...override }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((issue) => issue.path.join("."))).toContain(field);
    expect(await snapshot(s.lesson.id)).toEqual(before);
  });

  it("reads checkbox groups from a form: none, one or several", () => {
    const form = { lessonId: "l", baseVersion: "2", content: "x", changeNote: "n" };
    expect(SavePlanVersionFormSchema.parse(form)).toMatchObject({ baseVersion: 2, objectiveIds: [], feedbackIds: [] });
    expect(SavePlanVersionFormSchema.parse({ ...form, objectiveIds: "o1", feedbackIds: ["f1", "f2"] })).toMatchObject({
      objectiveIds: ["o1"],
      feedbackIds: ["f1", "f2"],
    });
  });

  // Only those who may edit the lesson save plans; staff may read the history.
  it.each([
    ["assistant", "auth.forbidden", "ok"],
    ["deptAdmin", "auth.forbidden", "ok"],
    ["student", "auth.forbidden", "auth.forbidden"],
    ["otherTeacher", "not_found", "not_found"],
    ["otherDeptAdmin", "not_found", "not_found"],
    ["outsider", "not_found", "not_found"],
  ] as const)("%s: save → %s, history → %s", async (who, save, read) => {
    const before = await snapshot(s.lesson.id);
    const actor = actorOf(s[who]);
    await expect(savePlanVersion(actor, { lessonId: s.lesson.id, baseVersion: 2, content: "v3", changeNote: "x" })).rejects.toMatchObject({ code: save });
    expect(await snapshot(s.lesson.id)).toEqual(before);
    const history = listPlanVersions(actor, s.lesson.id);
    if (read === "ok") await expect(history).resolves.toMatchObject({ canEdit: false });
    else await expect(history).rejects.toMatchObject({ code: read });
  });
});
