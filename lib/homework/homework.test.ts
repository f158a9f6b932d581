import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { toErrorResult } from "@/lib/errors";
import { FILES } from "@/lib/preclass/test-fixtures";
import { instantOfLocal, localValueOf } from "@/lib/preclass/local-datetime";
import { OFFICE_FILES } from "@/lib/uploads/test-zip";
import { actorOf, makeSchool } from "@/tests/factories";
import { deleteHomework } from "./delete-homework";
import { grantExtension, removeExtension } from "./extensions";
import { gradeSubmission } from "./grade-submission";
import { publishHomework } from "./publish-homework";
import { releaseGrades } from "./release-grades";
import { saveHomework } from "./save-homework";
import { getHomeworkForStudent, listHomeworkForStudent } from "./student-queries";
import { submitHomework } from "./submit-homework";
import { getHomeworkEditor, getHomeworkOverview } from "./teacher-queries";
import { DAY, HOUR, RUBRIC, homeworkInput, setDue } from "./test-fixtures";
import type { SaveHomeworkInput } from "./schemas";

type School = Awaited<ReturnType<typeof makeSchool>>;
type Who = "teacher" | "assistant" | "admin" | "deptAdmin" | "otherDeptAdmin" | "student" | "student2" | "outsider" | "otherTeacher";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "medblend-homework-"));
const storedFiles = () => (fs.existsSync(process.env.UPLOAD_DIR!) ? fs.readdirSync(process.env.UPLOAD_DIR!) : []);
const codeOf = (work: Promise<unknown>) => work.then(() => "ok", (error: unknown) => toErrorResult(error).code);

let s: School;
const as = (who: Who) => actorOf(s[who]);

beforeAll(async () => {
  s = await makeSchool();
});
beforeEach(() => {
  process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(root, "case-"));
});
afterAll(() => {
  delete process.env.UPLOAD_DIR;
  fs.rmSync(root, { recursive: true, force: true });
});

async function published(overrides: Partial<SaveHomeworkInput> = {}) {
  const { homeworkId } = await saveHomework(as("teacher"), homeworkInput(s.course.id, overrides));
  await publishHomework(as("teacher"), { homeworkId });
  return homeworkId;
}

const text = (homeworkId: string, body = "患者胸痛，考虑急性冠脉综合征。") => ({ homeworkId, text: body });

/** The audit rows about a record, oldest first. */
const auditOf = (target: string) =>
  db.auditLog.findMany({ where: { target }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { action: true, actorId: true, courseId: true, departmentId: true, detail: true } });
/** Audit rows of one kind whose detail names the homework. */
const auditCount = (action: string, homeworkId: string) => db.auditLog.count({ where: { action, detail: { path: ["homeworkId"], equals: homeworkId } } });

describe("creating and publishing homework", () => {
  it.each([
    ["teacher", "ok"],
    ["admin", "ok"],
    ["assistant", "auth.forbidden"],
    ["deptAdmin", "auth.forbidden"],
    ["student", "auth.forbidden"],
    ["otherTeacher", "not_found"],
    ["otherDeptAdmin", "not_found"],
    ["outsider", "not_found"],
  ] as const)("%s creating → %s (a refusal writes nothing)", async (who, expected) => {
    const before = await db.homework.count();
    expect(await codeOf(saveHomework(as(who), homeworkInput(s.course.id)))).toBe(expected);
    expect(await db.homework.count()).toBe(before + (expected === "ok" ? 1 : 0));
  });

  it("stores the settings, with the rubric's best levels as the possible points and ids on every part", async () => {
    const { homeworkId } = await saveHomework(as("teacher"), homeworkInput(s.course.id, { rubric: RUBRIC, points: 5 }));
    const editor = await getHomeworkEditor(as("teacher"), s.course.id, homeworkId);
    expect(editor.values.points).toBe(100);
    expect(editor.values.rubric).toHaveLength(3);
    expect(editor.values.rubric![0].levels[0]).toMatchObject({ id: expect.any(String), title: "优秀", points: 30 });
    expect(editor.values).toMatchObject({ latePolicy: "DEDUCT", lateRate: 10, lateMaxDeduction: 50, fileTypes: ["pdf", "png", "docx"] });
  });

  it.each([
    ["no way to hand in", { allowText: false, allowFiles: false }, "homework.no_submission_kind"],
    ["files without a type", { allowFiles: true, fileTypes: [] }, "homework.no_file_types"],
    ["a type off the allow-list", { fileTypes: ["exe"] as never }, "validation"],
    ["zip", { fileTypes: ["zip"] as never }, "validation"],
    ["a rate over 100 %", { lateRate: 150 }, "validation"],
    ["a lesson of another course", { lessonId: "nope" }, "validation"],
  ])("refuses %s", async (_label, overrides, code) => {
    expect(await codeOf(saveHomework(as("teacher"), homeworkInput(s.course.id, overrides)))).toBe(code);
  });

  it("caps the per-file size at UPLOAD_MAX_BYTES", async () => {
    process.env.UPLOAD_MAX_BYTES = String(5 * 1024 * 1024);
    const { homeworkId } = await saveHomework(as("teacher"), homeworkInput(s.course.id, { maxFileMb: 50 }));
    delete process.env.UPLOAD_MAX_BYTES;
    expect((await db.homework.findUniqueOrThrow({ where: { id: homeworkId } })).maxFileMb).toBe(5);
  });

  it("publishes once, raising homework.published in the same transaction; students never see a draft", async () => {
    const { homeworkId } = await saveHomework(as("teacher"), homeworkInput(s.course.id));
    expect(await codeOf(getHomeworkForStudent(as("student"), homeworkId))).toBe("not_found");
    expect((await listHomeworkForStudent(as("student"), s.course.id)).some((row) => row.id === homeworkId)).toBe(false);
    expect(await codeOf(publishHomework(as("assistant"), { homeworkId }))).toBe("auth.forbidden");
    await publishHomework(as("teacher"), { homeworkId });
    await publishHomework(as("teacher"), { homeworkId });
    const events = await db.domainEvent.findMany({ where: { type: "homework.published", subjectId: homeworkId } });
    expect(events).toHaveLength(1);
    expect(events[0].courseId).toBe(s.course.id);
    expect((await getHomeworkForStudent(as("student"), homeworkId)).title).toBe("病例分析：胸痛待查");
  });

  it("refuses to publish with a due time in the past", async () => {
    const { homeworkId } = await saveHomework(as("teacher"), homeworkInput(s.course.id));
    await setDue(homeworkId, new Date(Date.now() - HOUR));
    expect(await codeOf(publishHomework(as("teacher"), { homeworkId }))).toBe("homework.due_in_past");
    expect((await db.homework.findUniqueOrThrow({ where: { id: homeworkId } })).status).toBe("DRAFT");
  });

  it("deletes only homework nobody handed in", async () => {
    const homeworkId = await published();
    await submitHomework(as("student"), text(homeworkId));
    expect(await codeOf(deleteHomework(as("teacher"), { homeworkId }))).toBe("homework.has_submissions");
    const empty = await published();
    expect(await codeOf(deleteHomework(as("teacher"), { homeworkId: empty }))).toBe("ok");
  });
});

describe("submitting", () => {
  it.each([
    ["student", "ok"],
    ["student2", "ok"],
    ["teacher", "auth.forbidden"],
    ["assistant", "auth.forbidden"],
    ["deptAdmin", "auth.forbidden"],
    ["admin", "auth.forbidden"],
    ["outsider", "not_found"],
    ["otherTeacher", "not_found"],
  ] as const)("%s → %s", async (who, expected) => {
    const homeworkId = await published();
    expect(await codeOf(submitHomework(as(who), text(homeworkId)))).toBe(expected);
    expect(await db.homeworkSubmission.count({ where: { homeworkId } })).toBe(expected === "ok" ? 1 : 0);
  });

  it("stores text and files under random keys, awards on-time points once, and replaces on resubmission", async () => {
    const homeworkId = await published();
    const first = await submitHomework(as("student"), {
      ...text(homeworkId),
      files: [
        { fileName: "../../报告.pdf", bytes: FILES.pdf },
        { fileName: "病历.docx", bytes: OFFICE_FILES.docx },
      ],
    });
    expect(first).toMatchObject({ version: 1, lateMinutes: 0 });
    const files = await db.homeworkFile.findMany({ where: { submissionId: first.submissionId }, orderBy: { fileName: "asc" } });
    expect(files.map((file) => file.fileName).sort()).toEqual(["报告.pdf", "病历.docx"].sort());
    expect(storedFiles().sort()).toEqual(files.map((file) => file.storageKey).sort());
    expect(files.every((file) => /^[0-9a-f]{32}$/.test(file.storageKey))).toBe(true);

    const pdf = files.find((file) => file.fileName === "报告.pdf")!;
    const docx = files.find((file) => file.fileName === "病历.docx")!;
    const second = await submitHomework(as("student"), {
      homeworkId,
      text: "修改后的分析",
      keepFileIds: [pdf.id],
      files: [{ fileName: "图.png", bytes: FILES.png }],
    });
    expect(second).toMatchObject({ submissionId: first.submissionId, version: 2 });
    const after = await db.homeworkFile.findMany({ where: { submissionId: first.submissionId } });
    expect(after.map((file) => file.fileName).sort()).toEqual(["图.png", "报告.pdf"].sort());
    expect(storedFiles()).not.toContain(docx.storageKey);
    expect(storedFiles()).toHaveLength(2);
    expect((await db.homeworkSubmission.findUniqueOrThrow({ where: { id: first.submissionId } })).text).toBe("修改后的分析");
    expect(await db.pointsAward.count({ where: { userId: s.student.id, reason: "homework_on_time", subjectId: homeworkId } })).toBe(1);
  });

  it("refuses an empty submission and a file of another submission", async () => {
    const homeworkId = await published();
    expect(await codeOf(submitHomework(as("student"), text(homeworkId, "   \n")))).toBe("homework.empty");
    const other = await submitHomework(as("student2"), { homeworkId, text: "", files: [{ fileName: "a.pdf", bytes: FILES.pdf }] });
    const otherFile = await db.homeworkFile.findFirstOrThrow({ where: { submissionId: other.submissionId } });
    expect(await codeOf(submitHomework(as("student"), { homeworkId, text: "x", keepFileIds: [otherFile.id] }))).toBe("validation");
    expect(await db.homeworkSubmission.count({ where: { homeworkId, userId: s.student.id } })).toBe(0);
  });

  it.each([
    ["HTML named .png", "a.png", () => FILES.html, "homework.wrong_type"],
    ["a PNG named .pdf", "a.pdf", () => FILES.png, "homework.wrong_type"],
    ["an xlsx the homework does not accept", "表.xlsx", () => OFFICE_FILES.xlsx, "homework.wrong_type"],
    ["a plain zip named .docx", "a.docx", () => OFFICE_FILES.zip, "homework.wrong_type"],
    ["a JPEG the homework does not accept", "a.jpg", () => FILES.jpeg, "homework.wrong_type"],
    ["a file over the homework's size", "big.pdf", () => new Uint8Array([...FILES.pdf, ...new Uint8Array(1024 * 1024)]), "homework.file_too_large"],
    ["an empty file", "a.pdf", () => new Uint8Array(), "upload.empty"],
  ])("refuses %s and stores nothing", async (_label, fileName, bytes, code) => {
    const homeworkId = await published();
    expect(await codeOf(submitHomework(as("student"), { ...text(homeworkId), files: [{ fileName, bytes: bytes() }] }))).toBe(code);
    expect(storedFiles()).toEqual([]);
    expect(await db.homeworkSubmission.count({ where: { homeworkId } })).toBe(0);
  });

  it("refuses more files than allowed, and a second good file is removed again when the first is refused", async () => {
    const homeworkId = await published();
    const three = [FILES.pdf, FILES.pdf, FILES.pdf].map((bytes, i) => ({ fileName: `${i}.pdf`, bytes }));
    expect(await codeOf(submitHomework(as("student"), { ...text(homeworkId), files: three }))).toBe("homework.too_many_files");
    const mixed = [{ fileName: "ok.pdf", bytes: FILES.pdf }, { fileName: "bad.png", bytes: FILES.html }];
    expect(await codeOf(submitHomework(as("student"), { ...text(homeworkId), files: mixed }))).toBe("homework.wrong_type");
    expect(storedFiles()).toEqual([]);
  });

  it("applies UPLOAD_MAX_BYTES when it is below the homework's own limit", async () => {
    const homeworkId = await published({ maxFileMb: 1 });
    process.env.UPLOAD_MAX_BYTES = "64";
    const result = await codeOf(submitHomework(as("student"), { ...text(homeworkId), files: [{ fileName: "a.pdf", bytes: new Uint8Array([...FILES.pdf, ...new Uint8Array(64)]) }] }));
    delete process.env.UPLOAD_MAX_BYTES;
    expect(result).toBe("homework.file_too_large");
  });

  it("refuses text when only files are allowed", async () => {
    const homeworkId = await published({ allowText: false });
    expect(await codeOf(submitHomework(as("student"), text(homeworkId)))).toBe("validation");
  });
});

describe("on-time points (seed 004: never for empty or copied work)", () => {
  const pointsOf = async (who: "student" | "student2", homeworkId: string) =>
    (await db.pointsAward.findMany({ where: { userId: s[who].id, reason: "homework_on_time", subjectId: homeworkId } })).reduce((sum, award) => sum + award.points, 0);

  it.each([
    ["punctuation only", { text: "。" }, 0],
    ["a text too short", { text: "不会做" }, 0],
    ["one character over and over", { text: "啊啊啊啊啊啊啊啊" }, 0],
    ["a stock nothing-answer", { text: "暂时没有什么问题" }, 0],
    ["own words", { text: "胸痛伴大汗，首先考虑急性冠脉综合征，立即做心电图。" }, 5],
    ["a file and no text", { text: "", files: [{ fileName: "分析.pdf", bytes: FILES.pdf }] }, 5],
    ["a file with a text too short", { text: "见附件", files: [{ fileName: "分析.pdf", bytes: FILES.pdf }] }, 5],
  ])("%s → %d points", async (_label, work, points) => {
    const homeworkId = await published();
    await submitHomework(as("student"), { homeworkId, ...work });
    expect(await pointsOf("student", homeworkId)).toBe(points);
  });

  it.each([
    ["the same text", "患者胸痛2小时，考虑急性心肌梗死，需与主动脉夹层鉴别。"],
    ["the same text with other punctuation and spacing", "患者胸痛 2 小时；考虑急性心肌梗死 需与主动脉夹层鉴别"],
    ["the same text with a few characters added", "患者胸痛2小时，考虑急性心肌梗死，需与主动脉夹层鉴别。谢谢老师！"],
  ])("gives nothing for a classmate's text handed in again: %s", async (_label, copy) => {
    const homeworkId = await published();
    await submitHomework(as("student"), text(homeworkId, "患者胸痛2小时，考虑急性心肌梗死，需与主动脉夹层鉴别。"));
    await submitHomework(as("student2"), text(homeworkId, copy));
    expect(await pointsOf("student", homeworkId)).toBe(5);
    expect(await pointsOf("student2", homeworkId)).toBe(0);
  });

  it("counts what a student adds to a classmate's text when it says something itself", async () => {
    const homeworkId = await published();
    await submitHomework(as("student"), text(homeworkId, "考虑急性心肌梗死"));
    await submitHomework(as("student2"), text(homeworkId, "考虑急性心肌梗死，但需先排除主动脉夹层和肺栓塞，查D-二聚体。"));
    expect(await pointsOf("student2", homeworkId)).toBe(5);
  });

  it("awards once, when an edit before the due time first gives the work substance", async () => {
    const homeworkId = await published();
    await submitHomework(as("student"), text(homeworkId, "。"));
    expect(await pointsOf("student", homeworkId)).toBe(0);
    await submitHomework(as("student"), text(homeworkId, "心电图 ST 段抬高，诊断急性下壁心肌梗死。"));
    await submitHomework(as("student"), text(homeworkId, "修改：心电图 II、III、aVF 导联 ST 段抬高。"));
    expect(await pointsOf("student", homeworkId)).toBe(5);
  });
});

describe("late submissions", () => {
  it("REJECT refuses after the due time and changes nothing", async () => {
    const homeworkId = await published({ latePolicy: "REJECT" });
    const first = await submitHomework(as("student"), { ...text(homeworkId, "按时提交"), files: [{ fileName: "a.pdf", bytes: FILES.pdf }] });
    await setDue(homeworkId, new Date(Date.now() - HOUR));
    const before = await db.homeworkSubmission.findUniqueOrThrow({ where: { id: first.submissionId }, include: { files: true } });
    const keys = storedFiles();
    expect(await codeOf(submitHomework(as("student"), { ...text(homeworkId, "迟交的修改"), files: [{ fileName: "b.pdf", bytes: FILES.pdf }] }))).toBe(
      "homework.closed",
    );
    expect(await codeOf(submitHomework(as("student2"), text(homeworkId)))).toBe("homework.closed");
    expect(await db.homeworkSubmission.findUniqueOrThrow({ where: { id: first.submissionId }, include: { files: true } })).toEqual(before);
    expect(await db.homeworkSubmission.count({ where: { homeworkId } })).toBe(1);
    expect(storedFiles()).toEqual(keys);
    const view = await getHomeworkForStudent(as("student2"), homeworkId);
    expect(view).toMatchObject({ closed: true, canSubmit: false, status: "not_submitted" });
  });

  it("REJECT honours a student's extension", async () => {
    const homeworkId = await published({ latePolicy: "REJECT" });
    const due = new Date(Date.now() - HOUR);
    await setDue(homeworkId, due);
    await grantExtension(as("assistant"), { homeworkId, userId: s.student.id, dueAt: localValueOf(new Date(Date.now() + DAY)) });
    expect(await submitHomework(as("student"), text(homeworkId))).toMatchObject({ lateMinutes: 0 });
    expect(await codeOf(submitHomework(as("student2"), text(homeworkId)))).toBe("homework.closed");
    const view = await getHomeworkForStudent(as("student"), homeworkId);
    expect(view).toMatchObject({ extended: true, closed: false, originalDueAt: due });
  });

  it("stores a late submission with its minutes late and the right deduction once graded", async () => {
    const homeworkId = await published({ latePolicy: "DEDUCT", lateRate: 10, lateInterval: "DAY", lateMaxDeduction: 50 });
    const now = new Date();
    // One day and one minute late: two started days → 20 % of 100 points.
    await setDue(homeworkId, new Date(now.getTime() - DAY - 60_000));
    const submitted = await submitHomework(as("student"), text(homeworkId), now);
    expect(submitted.lateMinutes).toBe(24 * 60 + 1);
    expect(await db.pointsAward.count({ where: { userId: s.student.id, reason: "homework_on_time", subjectId: homeworkId } })).toBe(0);
    const grade = await gradeSubmission(as("assistant"), { submissionId: submitted.submissionId, points: 80, feedback: "思路清楚" });
    expect(grade).toMatchObject({ rawScore: 80, deduction: 20, score: 60 });
    // Audited in the same transaction: who, which course, the score before and after; never the student's text.
    expect(await auditOf(submitted.submissionId)).toEqual([
      {
        action: "homework.grade",
        actorId: s.assistant.id,
        courseId: s.course.id,
        departmentId: s.dept.id,
        detail: { homeworkId, studentId: s.student.id, from: { rawScore: null, deduction: null, score: null }, to: { rawScore: 80, deduction: 20, score: 60 } },
      },
    ]);
    expect(await db.homeworkSubmission.findUniqueOrThrow({ where: { id: submitted.submissionId } })).toMatchObject({
      rawScore: 80,
      deduction: 20,
      score: 60,
      lateMinutes: 1441,
      feedback: "思路清楚",
      gradedById: s.assistant.id,
    });
    const overview = await getHomeworkOverview(as("teacher"), homeworkId);
    expect(overview.rows.find((row) => row.userId === s.student.id)).toMatchObject({ status: "graded" });
    expect(overview.rows.find((row) => row.userId === s.student2.id)).toMatchObject({ status: "not_submitted", submission: null });
  });

  it("an extension granted later re-judges a late submission, and taking it back restores the deduction", async () => {
    const homeworkId = await published();
    const now = new Date();
    await setDue(homeworkId, new Date(now.getTime() - 2 * HOUR));
    const { submissionId } = await submitHomework(as("student"), text(homeworkId), now);
    await gradeSubmission(as("teacher"), { submissionId, points: 90 });
    expect(await db.homeworkSubmission.findUniqueOrThrow({ where: { id: submissionId } })).toMatchObject({ lateMinutes: 120, deduction: 10, score: 80 });
    const dueAt = localValueOf(new Date(Date.now() + DAY));
    await grantExtension(as("teacher"), { homeworkId, userId: s.student.id, dueAt });
    expect(await db.homeworkSubmission.findUniqueOrThrow({ where: { id: submissionId } })).toMatchObject({ lateMinutes: 0, deduction: 0, score: 90 });
    const extension = await db.homeworkExtension.findFirstOrThrow({ where: { homeworkId } });
    await removeExtension(as("teacher"), { homeworkId, userId: s.student.id });
    expect(await db.homeworkSubmission.findUniqueOrThrow({ where: { id: submissionId } })).toMatchObject({ lateMinutes: 120, deduction: 10, score: 80 });
    // A second removal changes nothing and records nothing.
    await removeExtension(as("teacher"), { homeworkId, userId: s.student.id });
    expect(await auditOf(extension.id)).toEqual([
      {
        action: "homework.extension_grant",
        actorId: s.teacher.id,
        courseId: s.course.id,
        departmentId: s.dept.id,
        detail: { homeworkId, studentId: s.student.id, from: { dueAt: null, lateMinutes: 120, score: 80 }, to: { dueAt: extension.dueAt.toISOString(), lateMinutes: 0, score: 90 } },
      },
      {
        action: "homework.extension_remove",
        actorId: s.teacher.id,
        courseId: s.course.id,
        departmentId: s.dept.id,
        detail: { homeworkId, studentId: s.student.id, from: { dueAt: extension.dueAt.toISOString(), lateMinutes: 0, score: 90 }, to: { dueAt: null, lateMinutes: 120, score: 80 } },
      },
    ]);
  });

  it("moving an extension records the old and the new due time", async () => {
    const homeworkId = await published();
    const first = localValueOf(new Date(Date.now() + 3 * DAY));
    const second = localValueOf(new Date(Date.now() + 4 * DAY));
    await grantExtension(as("teacher"), { homeworkId, userId: s.student2.id, dueAt: first });
    await grantExtension(as("assistant"), { homeworkId, userId: s.student2.id, dueAt: second });
    const extension = await db.homeworkExtension.findFirstOrThrow({ where: { homeworkId } });
    const audits = await auditOf(extension.id);
    expect(audits.map((row) => [row.action, row.actorId])).toEqual([
      ["homework.extension_grant", s.teacher.id],
      ["homework.extension_grant", s.assistant.id],
    ]);
    expect(audits[1].detail).toEqual({
      homeworkId,
      studentId: s.student2.id,
      from: { dueAt: instantOfLocal(first).toISOString() },
      to: { dueAt: instantOfLocal(second).toISOString() },
    });
  });

  it("a changed late policy is applied to grades already given", async () => {
    const homeworkId = await published();
    await setDue(homeworkId, new Date(Date.now() - 3 * DAY + HOUR));
    const { submissionId } = await submitHomework(as("student"), text(homeworkId));
    await gradeSubmission(as("teacher"), { submissionId, points: 100 });
    expect((await db.homeworkSubmission.findUniqueOrThrow({ where: { id: submissionId } })).deduction).toBe(30);
    const homework = await db.homework.findUniqueOrThrow({ where: { id: homeworkId } });
    await saveHomework(as("teacher"), homeworkInput(s.course.id, { homeworkId, dueAt: localValueOf(homework.dueAt), latePolicy: "NONE" }));
    expect(await db.homeworkSubmission.findUniqueOrThrow({ where: { id: submissionId } })).toMatchObject({ deduction: 0, score: 100 });
    const [change] = await auditOf(homeworkId);
    expect(change).toMatchObject({
      action: "homework.deadline_change",
      actorId: s.teacher.id,
      courseId: s.course.id,
      detail: {
        homeworkId,
        from: { latePolicy: "DEDUCT" },
        to: { latePolicy: "NONE" },
        changes: [{ studentId: s.student.id, from: { score: 70 }, to: { score: 100 } }],
      },
    });
    // Saving again without a change to the due time or the late rules records nothing more.
    const saved = await db.homework.findUniqueOrThrow({ where: { id: homeworkId } });
    await saveHomework(as("teacher"), homeworkInput(s.course.id, { homeworkId, dueAt: localValueOf(saved.dueAt), latePolicy: "NONE", title: "新标题" }));
    expect(await auditOf(homeworkId)).toHaveLength(1);
    expect(await codeOf(saveHomework(as("teacher"), homeworkInput(s.course.id, { homeworkId, dueAt: localValueOf(homework.dueAt), points: 50 })))).toBe(
      "homework.grading_started",
    );
  });

  it.each([
    ["teacher", "ok"],
    ["assistant", "ok"],
    ["admin", "ok"],
    ["deptAdmin", "auth.forbidden"],
    ["student", "auth.forbidden"],
    ["outsider", "not_found"],
  ] as const)("extensions: %s → %s", async (who, expected) => {
    const homeworkId = await published();
    const dueAt = localValueOf(new Date(Date.now() + 5 * DAY));
    expect(await codeOf(grantExtension(as(who), { homeworkId, userId: s.student2.id, dueAt }))).toBe(expected);
    expect(await db.homeworkExtension.count({ where: { homeworkId } })).toBe(expected === "ok" ? 1 : 0);
    expect(await auditCount("homework.extension_grant", homeworkId)).toBe(expected === "ok" ? 1 : 0);
    if (expected !== "ok") {
      await grantExtension(as("teacher"), { homeworkId, userId: s.student2.id, dueAt });
      expect(await codeOf(removeExtension(as(who), { homeworkId, userId: s.student2.id }))).toBe(expected);
      expect(await db.homeworkExtension.count({ where: { homeworkId } })).toBe(1);
      expect(await auditCount("homework.extension_remove", homeworkId)).toBe(0);
    }
  });

  it("an extension must end after the due time and be for a student of the course", async () => {
    const homeworkId = await published();
    expect(await codeOf(grantExtension(as("teacher"), { homeworkId, userId: s.student.id, dueAt: localValueOf(new Date(Date.now() + HOUR)) }))).toBe(
      "homework.extension_not_later",
    );
    const later = localValueOf(new Date(Date.now() + 5 * DAY));
    expect(await codeOf(grantExtension(as("teacher"), { homeworkId, userId: s.outsider.id, dueAt: later }))).toBe("homework.not_student");
    expect(await codeOf(grantExtension(as("teacher"), { homeworkId, userId: s.assistant.id, dueAt: later }))).toBe("homework.not_student");
    expect(await auditCount("homework.extension_grant", homeworkId)).toBe(0);
  });
});

describe("grading and release", () => {
  it.each([
    ["teacher", "ok"],
    ["assistant", "ok"],
    ["admin", "ok"],
    ["deptAdmin", "auth.forbidden"],
    ["student", "auth.forbidden"],
    ["student2", "auth.forbidden"],
    ["otherTeacher", "not_found"],
    ["outsider", "not_found"],
  ] as const)("%s grading → %s (a refusal changes nothing)", async (who, expected) => {
    const homeworkId = await published();
    const { submissionId } = await submitHomework(as("student"), text(homeworkId));
    expect(await codeOf(gradeSubmission(as(who), { submissionId, points: 70 }))).toBe(expected);
    expect((await db.homeworkSubmission.findUniqueOrThrow({ where: { id: submissionId } })).score).toBe(expected === "ok" ? 70 : null);
    expect((await auditOf(submissionId)).map((row) => [row.action, row.actorId])).toEqual(expected === "ok" ? [["homework.grade", s[who].id]] : []);
  });

  it("grades by rubric: one level per criterion, none missing, none foreign", async () => {
    const homeworkId = await published({ rubric: RUBRIC });
    const { submissionId } = await submitHomework(as("student"), text(homeworkId));
    const rubric = (await getHomeworkEditor(as("teacher"), s.course.id, homeworkId)).values.rubric!;
    const picks = { [rubric[0].id]: rubric[0].levels[1].id, [rubric[1].id]: rubric[1].levels[0].id };
    expect(await codeOf(gradeSubmission(as("teacher"), { submissionId, rubricLevels: picks }))).toBe("homework.rubric_incomplete");
    expect(await codeOf(gradeSubmission(as("teacher"), { submissionId, rubricLevels: { ...picks, [rubric[2].id]: rubric[0].levels[0].id } }))).toBe(
      "homework.rubric_incomplete",
    );
    const grade = await gradeSubmission(as("teacher"), { submissionId, rubricLevels: { ...picks, [rubric[2].id]: rubric[2].levels[1].id } });
    expect(grade).toMatchObject({ rawScore: 15 + 40 + 10, deduction: 0, score: 65 });
  });

  it("refuses more points than possible", async () => {
    const homeworkId = await published({ points: 20 });
    const { submissionId } = await submitHomework(as("student"), text(homeworkId));
    expect(await codeOf(gradeSubmission(as("teacher"), { submissionId, points: 21 }))).toBe("homework.points_too_high");
    expect(await auditOf(submissionId)).toEqual([]);
  });

  it("a regrade records the score it replaced", async () => {
    const homeworkId = await published();
    const { submissionId } = await submitHomework(as("student2"), text(homeworkId));
    await gradeSubmission(as("assistant"), { submissionId, points: 60 });
    await gradeSubmission(as("teacher"), { submissionId, points: 75, feedback: "复核后加分" });
    const audits = await auditOf(submissionId);
    expect(audits.map((row) => [row.action, row.actorId])).toEqual([
      ["homework.grade", s.assistant.id],
      ["homework.grade", s.teacher.id],
    ]);
    expect(audits[1].detail).toEqual({
      homeworkId,
      studentId: s.student2.id,
      from: { rawScore: 60, deduction: 0, score: 60 },
      to: { rawScore: 75, deduction: 0, score: 75 },
    });
  });

  it("hides grades from students until released, then shows score, rubric and feedback; a graded submission is final", async () => {
    const homeworkId = await published({ rubric: RUBRIC });
    const { submissionId } = await submitHomework(as("student"), text(homeworkId));
    const rubric = (await getHomeworkEditor(as("teacher"), s.course.id, homeworkId)).values.rubric!;
    const picks = Object.fromEntries(rubric.map((criterion) => [criterion.id, criterion.levels[0].id]));
    await gradeSubmission(as("teacher"), { submissionId, rubricLevels: picks, feedback: "**很好**" });

    const hidden = await getHomeworkForStudent(as("student"), homeworkId);
    expect(hidden).toMatchObject({ status: "submitted", grade: null, canSubmit: false });
    expect(JSON.stringify(hidden)).not.toContain("很好");
    expect((await listHomeworkForStudent(as("student"), s.course.id)).find((row) => row.id === homeworkId)).toMatchObject({ status: "submitted", score: null });
    expect(await codeOf(submitHomework(as("student"), text(homeworkId, "再改一次")))).toBe("homework.already_graded");

    expect(await codeOf(releaseGrades(as("student"), { homeworkId, released: true }))).toBe("auth.forbidden");
    expect(await codeOf(releaseGrades(as("deptAdmin"), { homeworkId, released: true }))).toBe("auth.forbidden");
    expect(await auditOf(homeworkId)).toEqual([]);
    const releasedAt = new Date(Date.now() - HOUR);
    await releaseGrades(as("assistant"), { homeworkId, released: true }, releasedAt);
    const shown = await getHomeworkForStudent(as("student"), homeworkId);
    expect(shown).toMatchObject({ status: "graded", grade: { score: 100, rawScore: 100, deduction: 0, feedback: "**很好**", rubricLevels: picks } });
    expect((await listHomeworkForStudent(as("student"), s.course.id)).find((row) => row.id === homeworkId)).toMatchObject({ status: "graded", score: 100 });
    // Nobody else's grade comes with it.
    expect((await getHomeworkForStudent(as("student2"), homeworkId)).grade).toBeNull();

    await releaseGrades(as("teacher"), { homeworkId, released: false });
    expect((await getHomeworkForStudent(as("student"), homeworkId)).grade).toBeNull();
    expect(await auditOf(homeworkId)).toEqual([
      {
        action: "homework.release_grades",
        actorId: s.assistant.id,
        courseId: s.course.id,
        departmentId: s.dept.id,
        detail: { homeworkId, from: { gradesReleasedAt: null }, to: { gradesReleasedAt: releasedAt.toISOString() } },
      },
      {
        action: "homework.unrelease_grades",
        actorId: s.teacher.id,
        courseId: s.course.id,
        departmentId: s.dept.id,
        detail: { homeworkId, from: { gradesReleasedAt: releasedAt.toISOString() }, to: { gradesReleasedAt: null } },
      },
    ]);
  });

  it("lists every student with their status for the staff who may see grades", async () => {
    const homeworkId = await published();
    await submitHomework(as("student"), text(homeworkId));
    for (const who of ["teacher", "assistant", "deptAdmin", "admin"] as const) {
      const overview = await getHomeworkOverview(as(who), homeworkId);
      expect(overview.rows.map((row) => [row.userId, row.status])).toEqual(
        expect.arrayContaining([
          [s.student.id, "submitted"],
          [s.student2.id, "not_submitted"],
        ]),
      );
    }
    expect(await codeOf(getHomeworkOverview(as("student"), homeworkId))).toBe("auth.forbidden");
    expect(await codeOf(getHomeworkOverview(as("otherDeptAdmin"), homeworkId))).toBe("not_found");
  });
});
