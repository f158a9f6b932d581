import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf, makeSchool } from "@/tests/factories";
import { getPackageForTeacher } from "./get-package-for-teacher";
import { localValueOf } from "./local-datetime";
import { publishPackage } from "./publish-package";
import { savePackage } from "./save-package";
import { failureOf, makeLesson, sampleCase, setWindow } from "./test-fixtures";
import { unpublishPackage } from "./unpublish-package";

type School = Awaited<ReturnType<typeof makeSchool>>;

const HOUR = 3600_000;
const inHours = (hours: number) => localValueOf(new Date(Date.now() + hours * HOUR));
const window = (lessonId: string) => ({ lessonId, opensAt: inHours(0), closesAt: inHours(48) });

/** The prep form saved with a case (and no material): the case's stage ids, in order. */
const saveCase = async (actor: ReturnType<typeof actorOf>, lessonId: string, clinicalCase: ReturnType<typeof sampleCase>) =>
  (await savePackage(actor, { lessonId, material: "", case: clinicalCase })).stageIds!;

const snapshot = (lessonId: string) =>
  Promise.all([
    db.preClassPackage.findUnique({ where: { lessonId }, select: { material: true, status: true, opensAt: true, closesAt: true } }),
    db.clinicalCase.findUnique({
      where: { lessonId },
      select: { title: true, deidentified: true, stages: { orderBy: { position: "asc" }, select: { id: true, title: true } } },
    }),
    db.domainEvent.count({ where: { lessonId } }),
  ]);

describe("savePackage", () => {
  let s: School;
  beforeAll(async () => {
    s = await makeSchool();
  });

  it("saves the material verbatim and the case with its stages in order", async () => {
    const lesson = await makeLesson(s.course.id);
    const material = "## 预习要点\n\n<script>alert(1)</script> [x](javascript:alert(1))\n    缩进保留";
    const result = await savePackage(actorOf(s.teacher), { lessonId: lesson.id, material, case: sampleCase() });
    expect(result.stageIds).toHaveLength(4);

    const data = await getPackageForTeacher(actorOf(s.teacher), lesson.id);
    expect(data.package).toMatchObject({ material, status: "DRAFT" });
    expect(data.case?.stages.map((stage) => [stage.id, stage.title, stage.question])).toEqual([
      [result.stageIds![0], "主诉与现病史", "你首先考虑哪些疾病？"],
      [result.stageIds![1], "体格检查", "该杂音提示什么？"],
      [result.stageIds![2], "辅助检查", null],
      [result.stageIds![3], "诊断与治疗", "治疗原则是什么？"],
    ]);
  });

  it("leaves the case alone when the input has none, and removes it for null", async () => {
    const lesson = await makeLesson(s.course.id);
    const teacher = actorOf(s.teacher);
    await savePackage(teacher, { lessonId: lesson.id, material: "a", case: sampleCase() });
    await savePackage(teacher, { lessonId: lesson.id, material: "b" });
    expect(await db.caseStage.count({ where: { case: { lessonId: lesson.id } } })).toBe(4);
    await savePackage(teacher, { lessonId: lesson.id, material: "b", case: null });
    expect(await db.clinicalCase.count({ where: { lessonId: lesson.id } })).toBe(0);
  });

  it("keeps stages (and students' answers) by id across edits: update, create, delete, reorder", async () => {
    const lesson = await makeLesson(s.course.id);
    const teacher = actorOf(s.teacher);
    const stageIds = await saveCase(teacher, lesson.id, sampleCase());
    const [first, second, third, fourth] = stageIds;
    await db.caseStageAnswer.create({ data: { stageId: first, studentId: s.student.id, answer: "冠心病" } });
    await db.caseStageAnswer.create({ data: { stageId: second, studentId: s.student.id, answer: "二尖瓣反流" } });

    const original = sampleCase().stages;
    const after = await saveCase(teacher, lesson.id, {
      ...sampleCase(),
      stages: [
        { ...original[3], id: fourth },
        { ...original[0], id: first, title: "主诉与现病史（修订）" },
        { title: "鉴别诊断", content: "新阶段", question: "还需与哪些疾病鉴别？" },
        { ...original[2], id: third },
      ],
    });
    expect(after[0]).toBe(fourth);
    expect(after[1]).toBe(first);
    expect([first, second, third, fourth]).not.toContain(after[2]);
    expect(after[3]).toBe(third);
    const stages = await db.caseStage.findMany({ where: { case: { lessonId: lesson.id } }, orderBy: { position: "asc" } });
    expect(stages.map((stage) => [stage.id, stage.position, stage.title])).toEqual([
      [fourth, 0, "诊断与治疗"],
      [first, 1, "主诉与现病史（修订）"],
      [after[2], 2, "鉴别诊断"],
      [third, 3, "辅助检查"],
    ]);
    const answers = await db.caseStageAnswer.findMany({ where: { studentId: s.student.id, stage: { case: { lessonId: lesson.id } } } });
    expect(answers.map((answer) => [answer.stageId, answer.answer])).toEqual([[first, "冠心病"]]);
  });

  it("treats a stage id of another lesson's case as a new stage and leaves that case alone", async () => {
    const teacher = actorOf(s.teacher);
    const mine = await makeLesson(s.course.id);
    const other = await makeLesson(s.course.id);
    const otherIds = await saveCase(teacher, other.id, sampleCase());
    const stageIds = await saveCase(teacher, mine.id, { ...sampleCase(), stages: [{ id: otherIds[0], title: "借用", content: "", question: "" }] });
    expect(stageIds[0]).not.toBe(otherIds[0]);
    expect(await db.caseStage.count({ where: { case: { lessonId: other.id } } })).toBe(4);
    expect((await db.caseStage.findUniqueOrThrow({ where: { id: otherIds[0] } })).title).toBe("主诉与现病史");
  });

  it.each([
    ["material over 50,000 characters", { material: "x".repeat(50_001) }, "material"],
    ["a case without stages", { case: { ...sampleCase(), stages: [] } }, "case.stages"],
    ["more than 8 stages", { case: { ...sampleCase(), stages: Array.from({ length: 9 }, () => ({ title: "阶段" })) } }, "case.stages"],
    ["a blank case title", { case: sampleCase({ title: "  " }) }, "case.title"],
    ["a blank stage title", { case: { ...sampleCase(), stages: [{ title: " " }] } }, "case.stages.0.title"],
    ["a question over 500 characters", { case: { ...sampleCase(), stages: [{ title: "阶段", question: "问".repeat(501) }] } }, "case.stages.0.question"],
  ])("refuses %s and changes nothing", async (_label, overrides, field) => {
    const lesson = await makeLesson(s.course.id);
    const teacher = actorOf(s.teacher);
    await savePackage(teacher, { lessonId: lesson.id, material: "原稿", case: sampleCase() });
    const before = await snapshot(lesson.id);
    expect(await failureOf(savePackage(teacher, { lessonId: lesson.id, material: "新稿", ...overrides }))).toMatchObject({
      code: "validation",
      fieldErrors: { [field]: expect.any(Array) },
    });
    expect(await snapshot(lesson.id)).toEqual(before);
  });

  it("allows editing after publishing but keeps a published case confirmed as de-identified", async () => {
    const lesson = await makeLesson(s.course.id);
    const teacher = actorOf(s.teacher);
    await savePackage(teacher, { lessonId: lesson.id, material: "初稿", case: sampleCase() });
    await publishPackage(teacher, window(lesson.id));
    await savePackage(teacher, { lessonId: lesson.id, material: "改正错别字", case: sampleCase({ title: "改正标题" }) });
    const before = await snapshot(lesson.id);
    expect(before[0]).toMatchObject({ material: "改正错别字", status: "PUBLISHED" });
    await expect(
      savePackage(teacher, { lessonId: lesson.id, material: "再改", case: sampleCase({ deidentified: false }) }),
    ).rejects.toMatchObject({ code: "preclass.not_deidentified" });
    expect(await snapshot(lesson.id)).toEqual(before);
  });
});

describe("publishPackage / unpublishPackage", () => {
  let s: School;
  beforeAll(async () => {
    s = await makeSchool();
  });

  it("publishes with the window read as Beijing time and raises preclass.published once", async () => {
    const lesson = await makeLesson(s.course.id);
    const teacher = actorOf(s.teacher);
    await savePackage(teacher, { lessonId: lesson.id, material: "预习", case: sampleCase() });
    await publishPackage(teacher, { lessonId: lesson.id, opensAt: "2030-09-07T08:00", closesAt: "2030-09-08T07:30" });
    const pkg = await db.preClassPackage.findUniqueOrThrow({ where: { lessonId: lesson.id } });
    expect(pkg).toMatchObject({
      status: "PUBLISHED",
      opensAt: new Date("2030-09-07T00:00:00Z"),
      closesAt: new Date("2030-09-07T23:30:00Z"),
    });
    expect(pkg.publishedAt).not.toBeNull();

    // Moving the window is not a new publication.
    await publishPackage(teacher, { lessonId: lesson.id, opensAt: "2030-09-06T08:00", closesAt: "2030-09-08T07:30" });
    const events = await db.domainEvent.findMany({ where: { lessonId: lesson.id } });
    expect(events).toEqual([
      expect.objectContaining({ type: "preclass.published", courseId: s.course.id, subjectId: pkg.id, payload: { packageId: pkg.id } }),
    ]);
  });

  it("publishes a package without a case (and without anything saved yet)", async () => {
    const lesson = await makeLesson(s.course.id);
    await publishPackage(actorOf(s.teacher), window(lesson.id));
    expect((await db.preClassPackage.findUniqueOrThrow({ where: { lessonId: lesson.id } })).status).toBe("PUBLISHED");
  });

  it("takes a package back to draft, keeping the students' work, and raises the event again on republishing", async () => {
    const lesson = await makeLesson(s.course.id);
    const teacher = actorOf(s.teacher);
    const stageIds = await saveCase(teacher, lesson.id, sampleCase());
    await publishPackage(teacher, window(lesson.id));
    await db.caseStageAnswer.create({ data: { stageId: stageIds[0], studentId: s.student.id, answer: "心衰" } });
    await db.preClassFeedback.create({ data: { lessonId: lesson.id, studentId: s.student.id, unclear: "杂音分级" } });

    await unpublishPackage(teacher, { lessonId: lesson.id });
    expect(await db.preClassPackage.findUniqueOrThrow({ where: { lessonId: lesson.id } })).toMatchObject({ status: "DRAFT", publishedAt: null });
    expect(await db.caseStageAnswer.count({ where: { stageId: stageIds[0] } })).toBe(1);
    expect(await db.preClassFeedback.count({ where: { lessonId: lesson.id } })).toBe(1);

    await publishPackage(teacher, window(lesson.id));
    expect(await db.domainEvent.count({ where: { lessonId: lesson.id, type: "preclass.published" } })).toBe(2);
  });

  it.each([
    ["a case not confirmed as de-identified", { deidentified: false }, {}, "preclass.not_deidentified"],
    ["a window that closes before it opens", {}, { opensAt: inHours(5), closesAt: inHours(4) }, "preclass.closes_before_opens"],
    ["a window that closes as it opens", {}, { opensAt: inHours(5), closesAt: inHours(5) }, "preclass.closes_before_opens"],
    ["a window that has closed", {}, { opensAt: inHours(-5), closesAt: inHours(-1) }, "preclass.closes_in_past"],
    ["a malformed time", {}, { opensAt: "2030-09-07 08:00" }, "validation"],
    ["an impossible date", {}, { opensAt: "2030-02-30T08:00" }, "validation"],
    ["a missing time", {}, { closesAt: "" }, "validation"],
  ])("refuses %s and stays a draft", async (_label, caseOverrides, windowOverrides, code) => {
    const lesson = await makeLesson(s.course.id);
    const teacher = actorOf(s.teacher);
    await saveCase(teacher, lesson.id, sampleCase(caseOverrides));
    expect(await failureOf(publishPackage(teacher, { ...window(lesson.id), ...windowOverrides }))).toMatchObject({ code });
    expect(await db.preClassPackage.findUnique({ where: { lessonId: lesson.id } })).toMatchObject({ status: "DRAFT", opensAt: null });
    expect(await db.domainEvent.count({ where: { lessonId: lesson.id } })).toBe(0);
  });
});

// Who may prepare a lesson's package: the course's teachers and admins (course.edit). Assistants and department
// admins see the course but may not change it; students of the course are refused; everyone else learns nothing.
const WHO = [
  ["teacher", "allowed"],
  ["admin", "allowed"],
  ["assistant", "auth.forbidden"],
  ["deptAdmin", "auth.forbidden"],
  ["student", "auth.forbidden"],
  ["otherTeacher", "not_found"],
  ["otherDeptAdmin", "not_found"],
  ["outsider", "not_found"],
] as const;
type Who = (typeof WHO)[number][0];

const OPERATIONS: Record<string, (s: School, who: Who, lessonId: string) => Promise<unknown>> = {
  "open the prep page": (s, who, lessonId) => getPackageForTeacher(actorOf(s[who]), lessonId),
  "save the package": (s, who, lessonId) => savePackage(actorOf(s[who]), { lessonId, material: "改", case: sampleCase({ title: "改" }) }),
  publish: (s, who, lessonId) => publishPackage(actorOf(s[who]), window(lessonId)),
  unpublish: (s, who, lessonId) => unpublishPackage(actorOf(s[who]), { lessonId }),
};

describe.each(Object.keys(OPERATIONS))("pre-class authorization: %s", (operation) => {
  let s: School;
  beforeAll(async () => {
    s = await makeSchool();
  });

  it.each(WHO)("%s → %s", async (who, expected) => {
    const lesson = await makeLesson(s.course.id);
    await savePackage(actorOf(s.teacher), { lessonId: lesson.id, material: "原稿", case: sampleCase() });
    if (operation === "unpublish") await setWindow(lesson.id, "open");
    const before = await snapshot(lesson.id);
    const run = OPERATIONS[operation](s, who, lesson.id);
    if (expected === "allowed") {
      await run;
    } else {
      await expect(run).rejects.toMatchObject({ code: expected });
      expect(await snapshot(lesson.id)).toEqual(before);
    }
  });

  it("answers not_found for a lesson that does not exist", async () => {
    await expect(OPERATIONS[operation](s, "teacher", "c-no-such-lesson")).rejects.toMatchObject({ code: "not_found" });
  });
});
