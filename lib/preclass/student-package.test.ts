import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf, makeSchool } from "@/tests/factories";
import { answerStage } from "./answer-stage";
import { getPackageForStudent } from "./get-package-for-student";
import { savePackage } from "./save-package";
import { failureOf, makeLesson, sampleCase, setWindow } from "./test-fixtures";

type School = Awaited<ReturnType<typeof makeSchool>>;

let s: School;
beforeAll(async () => {
  s = await makeSchool();
});

/** A lesson with material, an attachment row and the sample case (stage 3 has no question). */
async function prepared(window?: "open" | "not_open" | "closed") {
  const lesson = await makeLesson(s.course.id);
  const { packageId, stageIds } = await savePackage(actorOf(s.teacher), { lessonId: lesson.id, material: "## 心脏听诊要点", case: sampleCase() });
  await db.attachment.create({
    data: { packageId, storageKey: `k${lesson.id}`, fileName: "讲义.pdf", mimeType: "application/pdf", size: 10 },
  });
  if (window) await setWindow(lesson.id, window);
  return { lesson, stageIds: stageIds! };
}

const visibleStages = async (who: "student" | "student2", lessonId: string) => {
  const pkg = await getPackageForStudent(actorOf(s[who]), lessonId);
  return pkg.state === "open" || pkg.state === "closed" ? pkg.case?.stages.map((stage) => stage.title) : undefined;
};

describe("getPackageForStudent", () => {
  it("shows nothing of a draft package", async () => {
    const { lesson } = await prepared();
    expect(await getPackageForStudent(actorOf(s.student), lesson.id)).toEqual({ state: "unpublished" });
  });

  it("shows nothing of a lesson without a package", async () => {
    const lesson = await makeLesson(s.course.id);
    expect(await getPackageForStudent(actorOf(s.student), lesson.id)).toEqual({ state: "unpublished" });
  });

  it("shows only the opening time before the window opens", async () => {
    const { lesson } = await prepared("not_open");
    const pkg = await getPackageForStudent(actorOf(s.student), lesson.id);
    expect(pkg).toEqual({ state: "not_open", opensAt: expect.any(Date), closesAt: expect.any(Date) });
  });

  it("sends the stages only up to the first unanswered question, and the next one once it is answered", async () => {
    const { lesson, stageIds } = await prepared("open");
    const pkg = await getPackageForStudent(actorOf(s.student), lesson.id);
    expect(pkg).toMatchObject({
      state: "open",
      material: "## 心脏听诊要点",
      attachments: [{ fileName: "讲义.pdf", mimeType: "application/pdf", size: 10 }],
      case: { title: "活动后胸闷气促 2 月", stageCount: 4 },
    });
    // What leaves the server holds no trace of the later stages.
    const sent = JSON.stringify(pkg);
    expect(sent).not.toContain("心尖部");
    expect(sent).not.toContain(stageIds[1]);
    expect(await visibleStages("student", lesson.id)).toEqual(["主诉与现病史"]);

    await answerStage(actorOf(s.student), { stageId: stageIds[0], answer: "冠心病、心衰、瓣膜病" });
    expect(await visibleStages("student", lesson.id)).toEqual(["主诉与现病史", "体格检查"]);
    // Stage 3 has no question, so answering stage 2 opens stages 3 and 4.
    await answerStage(actorOf(s.student), { stageId: stageIds[1], answer: "二尖瓣关闭不全" });
    expect(await visibleStages("student", lesson.id)).toEqual(["主诉与现病史", "体格检查", "辅助检查", "诊断与治疗"]);
    // Progress is per student.
    expect(await visibleStages("student2", lesson.id)).toEqual(["主诉与现病史"]);
  });

  it("returns the student's own answers only", async () => {
    const { lesson, stageIds } = await prepared("open");
    await answerStage(actorOf(s.student2), { stageId: stageIds[0], answer: "同学的答案" });
    const pkg = await getPackageForStudent(actorOf(s.student), lesson.id);
    expect(pkg.state === "open" && pkg.case?.stages[0].answer).toBeNull();
  });

  it("keeps the material readable after the window closes", async () => {
    const { lesson } = await prepared("closed");
    expect(await getPackageForStudent(actorOf(s.student), lesson.id)).toMatchObject({ state: "closed", material: "## 心脏听诊要点" });
  });

  it("never shows a case that is not confirmed as de-identified", async () => {
    const { lesson } = await prepared("open");
    await db.clinicalCase.update({ where: { lessonId: lesson.id }, data: { deidentified: false } });
    expect(await getPackageForStudent(actorOf(s.student), lesson.id)).toMatchObject({ state: "open", case: null });
  });

  it.each([
    ["teacher", "auth.forbidden"],
    ["assistant", "auth.forbidden"],
    ["deptAdmin", "auth.forbidden"],
    ["outsider", "not_found"],
    ["otherTeacher", "not_found"],
  ] as const)("is for enrolled students only: %s → %s", async (who, code) => {
    const { lesson } = await prepared("open");
    await expect(getPackageForStudent(actorOf(s[who]), lesson.id)).rejects.toMatchObject({ code });
  });
});

describe("answerStage", () => {
  it("lets the student change an answer while the window is open", async () => {
    const { stageIds } = await prepared("open");
    await answerStage(actorOf(s.student), { stageId: stageIds[0], answer: "初步考虑冠心病" });
    await answerStage(actorOf(s.student), { stageId: stageIds[0], answer: "  考虑心力衰竭  " });
    const answers = await db.caseStageAnswer.findMany({ where: { stageId: stageIds[0] } });
    expect(answers.map((answer) => answer.answer)).toEqual(["考虑心力衰竭"]);
  });

  it("stores markup as plain text", async () => {
    const { stageIds } = await prepared("open");
    const payload = `<img src=x onerror="alert(1)"><script>alert(2)</script>`;
    await answerStage(actorOf(s.student), { stageId: stageIds[0], answer: payload });
    expect((await db.caseStageAnswer.findFirstOrThrow({ where: { stageId: stageIds[0] } })).answer).toBe(payload);
  });

  it.each([
    ["a stage not revealed yet", 1, "open", "preclass.stage_locked"],
    ["the last stage straight away", 3, "open", "preclass.stage_locked"],
    ["a stage without a question", 2, "open", "validation"],
    ["before the window opens", 0, "not_open", "preclass.not_open"],
    ["after the window closes", 0, "closed", "preclass.closed"],
    ["a draft package", 0, undefined, "not_found"],
  ] as const)("refuses %s and stores nothing", async (_label, stage, window, code) => {
    const { stageIds } = await prepared(window);
    await expect(answerStage(actorOf(s.student), { stageId: stageIds[stage], answer: "答案" })).rejects.toMatchObject({ code });
    expect(await db.caseStageAnswer.count({ where: { stageId: { in: stageIds } } })).toBe(0);
  });

  it.each([
    ["a blank answer", "   "],
    ["an answer over 2000 characters", "答".repeat(2001)],
  ])("refuses %s", async (_label, answer) => {
    const { stageIds } = await prepared("open");
    expect(await failureOf(answerStage(actorOf(s.student), { stageId: stageIds[0], answer }))).toMatchObject({
      code: "validation",
      fieldErrors: { answer: expect.any(Array) },
    });
    expect(await db.caseStageAnswer.count({ where: { stageId: stageIds[0] } })).toBe(0);
  });

  it.each([
    ["teacher", "auth.forbidden"],
    ["admin", "auth.forbidden"],
    ["outsider", "not_found"],
  ] as const)("is for enrolled students only: %s → %s", async (who, code) => {
    const { stageIds } = await prepared("open");
    await expect(answerStage(actorOf(s[who]), { stageId: stageIds[0], answer: "答案" })).rejects.toMatchObject({ code });
    expect(await db.caseStageAnswer.count({ where: { stageId: stageIds[0] } })).toBe(0);
  });

  it("answers not_found for a stage that does not exist", async () => {
    await expect(answerStage(actorOf(s.student), { stageId: "no-such-stage", answer: "答案" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("keeps answers to stages the teacher keeps while editing the case", async () => {
    const { lesson, stageIds } = await prepared("open");
    await answerStage(actorOf(s.student), { stageId: stageIds[0], answer: "冠心病" });
    const stages = sampleCase().stages.map((stage, i) => ({ ...stage, id: stageIds[i] }));
    stages[0].content = "58岁男性，活动后胸闷、气促2个月（修订错别字）。";
    await savePackage(actorOf(s.teacher), { lessonId: lesson.id, material: "## 心脏听诊要点", case: { ...sampleCase(), stages } });
    expect(await visibleStages("student", lesson.id)).toEqual(["主诉与现病史", "体格检查"]);
  });
});
