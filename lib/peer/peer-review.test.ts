import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { FILES, failureOf } from "@/lib/preclass/test-fixtures";
import { actorOf, makeSchool } from "@/tests/factories";
import { calibrationStateOf } from "./calibration";
import { computeGrades } from "./compute-grades";
import { deleteExample, saveExample, saveReference } from "./examples";
import { flagReview, overrideGrade, releaseGrades, remindNonReviewers, resolveFlag } from "./grading-admin";
import { listPeerReviewsForCourse, listPeerReviewsForStudent } from "./list-peer-reviews";
import { addReviewer, removeReviewer } from "./manage-reviewers";
import { allocateNow, runAllocationTx } from "./run-allocation";
import { saveAssessment } from "./save-assessment";
import { savePeerReview } from "./save-peer-review";
import { submitCalibration } from "./calibration";
import { getPeerReviewForStudent } from "./student-view";
import { submitWork } from "./submit-work";
import { advancePeerReviewPhases, switchPhase } from "./switch-phase";
import { getPeerReviewForTeacher } from "./teacher-view";
import { CASE_RUBRIC, addStudents, levels, setupInput } from "./test-fixtures";

type School = Awaited<ReturnType<typeof makeSchool>>;
type Who = "teacher" | "assistant" | "admin" | "deptAdmin" | "otherDeptAdmin" | "student" | "student2" | "outsider" | "otherTeacher";
const EVERYONE: Who[] = ["teacher", "assistant", "admin", "deptAdmin", "otherDeptAdmin", "student", "student2", "outsider", "otherTeacher"];

const root = fs.mkdtempSync(path.join(os.tmpdir(), "medblend-peer-"));
let s: School;
beforeAll(async () => {
  process.env.UPLOAD_DIR = root;
  s = await makeSchool();
});
afterAll(() => {
  delete process.env.UPLOAD_DIR;
  fs.rmSync(root, { recursive: true, force: true });
});

const as = (who: Who) => actorOf(s[who]);
const outcome = async (work: Promise<unknown>) => {
  try {
    await work;
    return "ok";
  } catch (error) {
    return (await failureOf(Promise.reject(error))).code;
  }
};

async function newActivity(overrides: Parameters<typeof setupInput>[1] = {}) {
  const { activityId } = await savePeerReview(as("teacher"), setupInput(s.course.id, overrides));
  return activityId;
}

/** The audit rows of one kind about a record, oldest first. */
const auditOf = (target: string, action: string) =>
  db.auditLog.findMany({ where: { target, action }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { actorId: true, courseId: true, departmentId: true, detail: true } });

async function phaseOf(activityId: string) {
  return (await db.peerReview.findUniqueOrThrow({ where: { id: activityId }, select: { phase: true } })).phase;
}

/** An activity in the submission phase with work from the two school students and `extra` more. */
async function withSubmissions(extra: number, overrides: Parameters<typeof setupInput>[1] = {}) {
  const activityId = await newActivity(overrides);
  await switchPhase(as("teacher"), { activityId, phase: "SUBMISSION" });
  const more = await addStudents(s.course.id, extra);
  const authors = [s.student, s.student2, ...more];
  for (const [i, author] of authors.entries()) await submitWork(actorOf(author), { activityId, text: `我的病例分析 ${i}` });
  return { activityId, authors };
}

describe("who may do what", () => {
  const TABLE: [string, Record<Who, string>][] = [
    [
      "set up (coursework.manage)",
      { teacher: "ok", admin: "ok", assistant: "auth.forbidden", deptAdmin: "auth.forbidden", student: "auth.forbidden", student2: "auth.forbidden", otherDeptAdmin: "not_found", outsider: "not_found", otherTeacher: "not_found" },
    ],
  ];
  it.each(TABLE)("%s", async (_label, expected) => {
    for (const who of EVERYONE) {
      const before = await db.peerReview.count({ where: { courseId: s.course.id } });
      const result = await outcome(savePeerReview(as(who), setupInput(s.course.id)));
      expect([who, result]).toEqual([who, expected[who]]);
      // A refusal changes nothing.
      if (result !== "ok") expect(await db.peerReview.count({ where: { courseId: s.course.id } })).toBe(before);
    }
  });

  it("teacher page (grades.view) and student page (coursework.submit)", async () => {
    const activityId = await newActivity();
    const teacherPage: Record<Who, string> = { teacher: "ok", assistant: "ok", admin: "ok", deptAdmin: "ok", student: "auth.forbidden", student2: "auth.forbidden", otherDeptAdmin: "not_found", outsider: "not_found", otherTeacher: "not_found" };
    for (const who of EVERYONE) expect([who, await outcome(getPeerReviewForTeacher(as(who), activityId))]).toEqual([who, teacherPage[who]]);
    // In setup the activity does not exist for students.
    expect(await outcome(getPeerReviewForStudent(as("student"), activityId))).toBe("not_found");
    expect(await listPeerReviewsForStudent(as("student"), s.course.id)).toEqual(expect.not.arrayContaining([expect.objectContaining({ id: activityId })]));
    await switchPhase(as("teacher"), { activityId, phase: "SUBMISSION" });
    const studentPage: Record<Who, string> = { teacher: "auth.forbidden", assistant: "auth.forbidden", admin: "auth.forbidden", deptAdmin: "auth.forbidden", student: "ok", student2: "ok", otherDeptAdmin: "not_found", outsider: "not_found", otherTeacher: "not_found" };
    for (const who of EVERYONE) expect([who, await outcome(getPeerReviewForStudent(as(who), activityId))]).toEqual([who, studentPage[who]]);
    expect(await listPeerReviewsForStudent(as("student"), s.course.id)).toContainEqual(expect.objectContaining({ id: activityId, phase: "SUBMISSION", todo: "submit" }));
    expect((await listPeerReviewsForCourse(as("assistant"), s.course.id)).map((a) => a.id)).toContain(activityId);
  });

  it("phase switching, allocation and release are the teacher's; assistants grade and remind", async () => {
    const { activityId } = await withSubmissions(2);
    for (const who of ["assistant", "deptAdmin", "student"] as const) {
      expect(await outcome(switchPhase(as(who), { activityId, phase: "ASSESSMENT" }))).toBe("auth.forbidden");
    }
    expect(await phaseOf(activityId)).toBe("SUBMISSION");
    // Only the switch into submission (by the teacher) is on record.
    expect((await auditOf(activityId, "peer.switch_phase")).map((row) => [row.actorId, row.detail])).toEqual([
      [s.teacher.id, { activityId, from: { phase: "SETUP" }, to: { phase: "SUBMISSION" } }],
    ]);
    await switchPhase(as("teacher"), { activityId, phase: "ASSESSMENT" });
    expect(await outcome(allocateNow(as("assistant"), { activityId }))).toBe("auth.forbidden");
    expect(await outcome(remindNonReviewers(as("assistant"), { activityId }))).toBe("ok");
    expect(await outcome(remindNonReviewers(as("student"), { activityId }))).toBe("auth.forbidden");
    await switchPhase(as("teacher"), { activityId, phase: "GRADING" });
    expect(await outcome(computeGrades(as("student"), { activityId }))).toBe("auth.forbidden");
    expect(await auditOf(activityId, "peer.compute_grades")).toEqual([]);
    expect(await outcome(computeGrades(as("assistant"), { activityId }))).toBe("ok");
    expect(await auditOf(activityId, "peer.compute_grades")).toEqual([
      // Nobody reviewed: no grade before, none after.
      { actorId: s.assistant.id, courseId: s.course.id, departmentId: s.dept.id, detail: { activityId, graded: 0, ungraded: 4, changes: [], reviewGradesChanged: 0 } },
    ]);
    expect(await outcome(releaseGrades(as("assistant"), { activityId, released: true }))).toBe("auth.forbidden");
    expect(await auditOf(activityId, "peer.release_grades")).toEqual([]);
    const submission = await db.peerSubmission.findFirstOrThrow({ where: { activityId, isExample: false } });
    expect(await outcome(overrideGrade(as("assistant"), { submissionId: submission.id, grade: 90, note: "复核" }))).toBe("ok");
    expect(await outcome(overrideGrade(as("student"), { submissionId: submission.id, grade: 100 }))).toBe("auth.forbidden");
    expect(await outcome(overrideGrade(as("deptAdmin"), { submissionId: submission.id, grade: 100 }))).toBe("auth.forbidden");
    expect((await db.peerSubmission.findUniqueOrThrow({ where: { id: submission.id } })).gradeOverride).toBe(90);
    expect(await auditOf(submission.id, "peer.grade_override")).toEqual([
      {
        actorId: s.assistant.id,
        courseId: s.course.id,
        departmentId: s.dept.id,
        detail: { activityId, studentId: submission.authorId, from: { gradeOverride: null, overrideNote: null }, to: { gradeOverride: 90, overrideNote: "复核" } },
      },
    ]);
  });
});

describe("setup", () => {
  it("refuses dates out of order, no way to submit, and a rubric change once students assessed", async () => {
    expect(await outcome(savePeerReview(as("teacher"), setupInput(s.course.id, { submissionOpensAt: "2030-03-02T08:00", submissionClosesAt: "2030-03-01T08:00" })))).toBe(
      "peer.dates_out_of_order",
    );
    expect(await outcome(savePeerReview(as("teacher"), setupInput(s.course.id, { allowText: false, allowFiles: false })))).toBe("peer.no_submission_kind");
    expect(await outcome(savePeerReview(as("teacher"), setupInput(s.course.id, { rubric: [] })))).toBe("validation");

    const { activityId } = await withSubmissions(2);
    await switchPhase(as("teacher"), { activityId, phase: "ASSESSMENT" });
    const changed = CASE_RUBRIC.map((c) => (c.kind === "levels" ? { ...c, levels: c.levels.map((l) => ({ ...l, points: l.points * 2 })) } : c));
    // A renamed criterion is fine before anyone has submitted a review.
    const renamed = CASE_RUBRIC.map((c) => ({ ...c, title: `${c.title}（修订）` }));
    expect(await outcome(savePeerReview(as("teacher"), { ...setupInput(s.course.id, { rubric: renamed }), activityId }))).toBe("ok");
    const review = await db.peerAssessment.findFirstOrThrow({ where: { submission: { activityId }, kind: "PEER" }, include: { reviewer: true } });
    await saveAssessment(actorOf(review.reviewer), { assessmentId: review.id, levels: levels(2, 2, 2) });
    expect(await outcome(savePeerReview(as("teacher"), { ...setupInput(s.course.id, { rubric: changed }), activityId }))).toBe("peer.rubric_locked");
    // Anonymity may be tightened but not relaxed once reviewing has started.
    expect(await outcome(savePeerReview(as("teacher"), { ...setupInput(s.course.id, { rubric: renamed, anonymity: "OPEN" }), activityId }))).toBe("peer.anonymity_locked");
    expect((await db.peerReview.findUniqueOrThrow({ where: { id: activityId } })).anonymity).toBe("DOUBLE_BLIND");
  });

  it("examples: up to 3, a complete reference each; removing one nobody calibrated on", async () => {
    const activityId = await newActivity({ calibrationRequired: true, calibrationThreshold: 60 });
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await saveExample(as("teacher"), { activityId, text: `示例作品 ${i}` })).exampleId);
    expect(await outcome(saveExample(as("teacher"), { activityId, text: "第四份" }))).toBe("peer.too_many_examples");
    expect(await outcome(saveExample(as("assistant"), { activityId, exampleId: ids[0], text: "改" }))).toBe("auth.forbidden");
    expect(await outcome(saveReference(as("teacher"), { exampleId: ids[0], levels: { history: "h3" } }))).toBe("peer.assessment_incomplete");
    expect(await outcome(saveReference(as("teacher"), { exampleId: ids[0], levels: { ...levels(3, 3, 3), history: "r1" } }))).toBe("validation");
    await saveReference(as("teacher"), { exampleId: ids[0], levels: levels(3, 2, 2), comments: { advice: "诊疗计划可更具体" } });
    await deleteExample(as("teacher"), { exampleId: ids[2] });
    expect(await db.peerSubmission.count({ where: { activityId, isExample: true } })).toBe(2);
    const view = await getPeerReviewForTeacher(as("teacher"), activityId);
    expect(view.examples.map((e) => !!e.reference)).toEqual([true, false]);
  });
});

describe("phases", () => {
  it("moves one step at a time, back where sensible, and tells students", async () => {
    const activityId = await newActivity({ autoSwitch: true });
    expect(await outcome(switchPhase(as("teacher"), { activityId, phase: "ASSESSMENT" }))).toBe("peer.invalid_transition");
    await switchPhase(as("teacher"), { activityId, phase: "SUBMISSION" });
    await switchPhase(as("teacher"), { activityId, phase: "SETUP" });
    await switchPhase(as("teacher"), { activityId, phase: "SUBMISSION" });
    await submitWork(as("student"), { activityId, text: "作品" });
    expect(await outcome(switchPhase(as("teacher"), { activityId, phase: "SETUP" }))).toBe("peer.invalid_transition");
    await switchPhase(as("teacher"), { activityId, phase: "ASSESSMENT" });
    // Back to submission reopens it and turns the schedule off.
    expect(await switchPhase(as("teacher"), { activityId, phase: "SUBMISSION" })).toMatchObject({ autoSwitchOff: false });
    const row = await db.peerReview.findUniqueOrThrow({ where: { id: activityId } });
    expect(row.autoSwitch).toBe(false);
    const events = await db.domainEvent.findMany({ where: { subjectId: activityId }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.type, (e.payload as { phase: string }).phase])).toEqual([
      ["peer.phase_changed", "SUBMISSION"],
      ["peer.phase_changed", "SETUP"],
      ["peer.phase_changed", "SUBMISSION"],
      ["peer.phase_changed", "ASSESSMENT"],
      ["peer.phase_changed", "SUBMISSION"],
    ]);
  });

  it("entering assessment with calibration required needs an example with a reference", async () => {
    const { activityId } = await withSubmissions(1, { calibrationRequired: true });
    expect(await outcome(switchPhase(as("teacher"), { activityId, phase: "ASSESSMENT" }))).toBe("peer.no_reference");
    expect(await phaseOf(activityId)).toBe("SUBMISSION");
    expect(await db.peerAssessment.count({ where: { submission: { activityId } } })).toBe(0);
  });

  it("advancePeerReviewPhases follows the dates, several steps if they have all passed, and reports what it cannot do", async () => {
    const now = new Date("2031-05-10T08:00:00Z");
    const scheduled = await newActivity({ autoSwitch: true, submissionOpensAt: "2031-05-01T08:00", submissionClosesAt: "2031-05-05T08:00", assessmentClosesAt: "2031-05-20T08:00" });
    const manual = await newActivity({ autoSwitch: false, submissionOpensAt: "2031-05-01T08:00" });
    const stuck = await newActivity({ autoSwitch: true, calibrationRequired: true, submissionOpensAt: "2031-05-01T08:00", submissionClosesAt: "2031-05-05T08:00" });
    const outcomes = await advancePeerReviewPhases(now);
    expect(outcomes.filter((o) => o.activityId === scheduled)).toEqual([
      { activityId: scheduled, from: "SETUP", to: "SUBMISSION" },
      { activityId: scheduled, from: "SUBMISSION", to: "ASSESSMENT" },
    ]);
    expect(outcomes.filter((o) => o.activityId === stuck)).toEqual([
      { activityId: stuck, from: "SETUP", to: "SUBMISSION" },
      { activityId: stuck, from: "SUBMISSION", to: "ASSESSMENT", error: "peer.no_reference" },
    ]);
    expect([await phaseOf(scheduled), await phaseOf(manual), await phaseOf(stuck)]).toEqual(["ASSESSMENT", "SETUP", "SUBMISSION"]);
    expect((await getPeerReviewForTeacher(as("teacher"), stuck, now)).overduePhase).toBe("ASSESSMENT");
    expect((await db.peerReview.findUniqueOrThrow({ where: { id: scheduled } })).allocatedAt).toEqual(now);
    // The scheduler's switches are on record without an actor; the one that failed left nothing.
    expect((await auditOf(scheduled, "peer.switch_phase")).map((row) => [row.actorId, row.courseId, row.departmentId, row.detail])).toEqual([
      [null, s.course.id, s.dept.id, { activityId: scheduled, from: { phase: "SETUP" }, to: { phase: "SUBMISSION" } }],
      [null, s.course.id, s.dept.id, { activityId: scheduled, from: { phase: "SUBMISSION" }, to: { phase: "ASSESSMENT" } }],
    ]);
    expect(await auditOf(stuck, "peer.switch_phase")).toHaveLength(1);
    expect(await auditOf(manual, "peer.switch_phase")).toEqual([]);
  });
});

describe("submissions", () => {
  it("text and files, replaced freely in the submission phase, late after the close, locked in assessment", async () => {
    const activityId = await newActivity({ submissionClosesAt: "2030-01-01T08:00", assessmentClosesAt: "2030-01-10T08:00" });
    await switchPhase(as("teacher"), { activityId, phase: "SUBMISSION" });
    const onTime = new Date("2029-12-31T00:00:00Z");
    await submitWork(as("student"), { activityId, text: "初稿", files: [{ fileName: "陈思远-病例分析.pdf", bytes: FILES.pdf }] }, onTime);
    const first = await db.peerSubmission.findFirstOrThrow({ where: { activityId, authorId: s.student.id }, include: { files: true } });
    expect(first).toMatchObject({ text: "初稿", late: false });
    // The name on disk is a random key, never the uploaded one.
    expect(first.files[0].storageKey).toMatch(/^[0-9a-f]{32}$/);
    expect(fs.readdirSync(root)).not.toContain("陈思远-病例分析.pdf");
    await submitWork(as("student"), { activityId, text: "终稿", keepFileIds: [first.files[0].id] }, new Date("2030-01-02T00:00:00Z"));
    expect(await db.peerSubmission.findFirstOrThrow({ where: { activityId, authorId: s.student.id } })).toMatchObject({ text: "终稿", late: true });

    expect(await outcome(submitWork(as("student"), { activityId, text: "", files: [] }))).toBe("peer.empty_submission");
    expect(await outcome(submitWork(as("student"), { activityId, text: "x", files: [{ fileName: "a.html", bytes: FILES.html }] }))).toBe("upload.wrong_type");
    expect(await outcome(submitWork(as("student"), { activityId, text: "x", files: [{ fileName: "a.webp", bytes: FILES.webp }] }))).toBe("upload.wrong_type");
    expect(await outcome(submitWork(as("teacher"), { activityId, text: "x" }))).toBe("auth.forbidden");
    expect(await outcome(submitWork(as("outsider"), { activityId, text: "x" }))).toBe("not_found");

    await submitWork(as("student2"), { activityId, text: "同学的作品" }, onTime);
    await switchPhase(as("teacher"), { activityId, phase: "ASSESSMENT" });
    expect(await outcome(submitWork(as("student"), { activityId, text: "再改" }))).toBe("peer.submission_locked");
  });

  it("a late first submission in the assessment phase is folded in: reviewers for it, reviews for its author", async () => {
    const { activityId, authors } = await withSubmissions(4, { reviewsPerSubmission: 2, submissionClosesAt: "2030-01-01T08:00" });
    await switchPhase(as("teacher"), { activityId, phase: "ASSESSMENT" });
    const before = await db.peerAssessment.findMany({ where: { submission: { activityId } }, select: { id: true } });
    expect(before).toHaveLength(authors.length * 2);
    const [latecomer] = await addStudents(s.course.id, 1);
    const result = await submitWork(actorOf(latecomer), { activityId, text: "迟交的作品" }, new Date("2030-01-03T00:00:00Z"));
    expect(result.late).toBe(true);
    const after = await db.peerAssessment.findMany({ where: { submission: { activityId } }, select: { id: true, reviewerId: true, submission: { select: { authorId: true } } } });
    expect(after.map((a) => a.id)).toEqual(expect.arrayContaining(before.map((a) => a.id)));
    expect(after.filter((a) => a.submission.authorId === latecomer.id)).toHaveLength(2);
    expect(after.filter((a) => a.reviewerId === latecomer.id)).toHaveLength(2);
  });
});

describe("allocation", () => {
  it("3 students with k = 3: each gets the other two, and the teacher sees the shortfall", async () => {
    const { activityId } = await withSubmissions(1);
    await switchPhase(as("teacher"), { activityId, phase: "ASSESSMENT" });
    const view = await getPeerReviewForTeacher(as("teacher"), activityId);
    expect(view.submissions.map((x) => x.assessments.filter((a) => a.kind === "PEER").map((a) => a.alias))).toEqual([
      ["A", "B"],
      ["A", "B"],
      ["A", "B"],
    ]);
    expect(view.allocationReport?.shortfall.map((x) => [x.got, x.wanted])).toEqual([
      [2, 3],
      [2, 3],
      [2, 3],
    ]);
    for (const sub of view.submissions) expect(sub.assessments.every((a) => a.reviewerId !== sub.authorId)).toBe(true);
  });

  it("gives the letters authors see in random order, not in the order of user ids", async () => {
    const { activityId } = await withSubmissions(6);
    const activity = await db.peerReview.findUniqueOrThrow({ where: { id: activityId } });
    await db.$transaction((tx) => runAllocationTx(tx, activity, new Date(), { seed: 42 }));
    const rows = await db.peerAssessment.findMany({ where: { submission: { activityId }, kind: "PEER" }, select: { submissionId: true, reviewerId: true, alias: true } });
    const bySubmission = new Map<string, typeof rows>();
    for (const row of rows) bySubmission.set(row.submissionId, [...(bySubmission.get(row.submissionId) ?? []), row]);
    expect(bySubmission.size).toBe(8);
    const inIdOrder = [...bySubmission.values()].filter((group) => {
      const byAlias = [...group].sort((a, b) => a.alias.localeCompare(b.alias)).map((r) => r.reviewerId);
      return byAlias.join() === [...byAlias].sort().join();
    });
    expect(inIdOrder.length).toBeLessThan(8);
  });

  it("self-assessment rows, manual add (never self, warning on the group rule) and removal", async () => {
    const group = await db.group.create({ data: { courseId: s.course.id, name: `第${Math.random()}组` } });
    const activityId = await newActivity({ selfAssessment: true, excludeOwnGroup: true, reviewsPerSubmission: 1 });
    await switchPhase(as("teacher"), { activityId, phase: "SUBMISSION" });
    const [a, b, c] = await addStudents(s.course.id, 3, { groupIds: [group.id, group.id, null] });
    for (const author of [a, b, c]) await submitWork(actorOf(author), { activityId, text: "作品" });
    await switchPhase(as("teacher"), { activityId, phase: "ASSESSMENT" });
    const rows = await db.peerAssessment.findMany({ where: { submission: { activityId } }, include: { submission: true } });
    expect(rows.filter((r) => r.kind === "SELF").map((r) => r.reviewerId === r.submission.authorId)).toEqual([true, true, true]);
    // a and b share a group, so each of them is reviewed by c.
    const subA = rows.find((r) => r.submission.authorId === a.id)!.submission;
    expect(rows.filter((r) => r.kind === "PEER" && r.submissionId === subA.id).map((r) => r.reviewerId)).toEqual([c.id]);

    expect(await outcome(addReviewer(as("teacher"), { submissionId: subA.id, reviewerId: a.id }))).toBe("peer.self_review");
    expect(await outcome(addReviewer(as("teacher"), { submissionId: subA.id, reviewerId: s.outsider.id }))).toBe("peer.not_reviewer");
    expect(await outcome(addReviewer(as("teacher"), { submissionId: subA.id, reviewerId: c.id }))).toBe("conflict");
    expect(await outcome(addReviewer(as("assistant"), { submissionId: subA.id, reviewerId: b.id }))).toBe("auth.forbidden");
    const added = await addReviewer(as("teacher"), { submissionId: subA.id, reviewerId: b.id });
    expect(added.warning).toBe("same_group");
    expect(await db.peerAssessment.findUniqueOrThrow({ where: { id: added.assessmentId } })).toMatchObject({ alias: "B", manual: true });
    await removeReviewer(as("teacher"), { assessmentId: added.assessmentId });
    expect(await db.peerAssessment.count({ where: { id: added.assessmentId } })).toBe(0);
  });
});

describe("calibration and reviewing", () => {
  it("a student must calibrate before seeing peer work; closeness and the reference are shown afterwards", async () => {
    const activityId = await newActivity({ calibrationRequired: true, calibrationThreshold: 80, reviewsPerSubmission: 1 });
    const { exampleId } = await saveExample(as("teacher"), { activityId, text: "示例：胸痛 2 小时" });
    const { exampleId: second } = await saveExample(as("teacher"), { activityId, text: "示例二" });
    await saveReference(as("teacher"), { exampleId, levels: levels(3, 3, 2), comments: { advice: "计划需补充复查心电图" } });
    await saveReference(as("teacher"), { exampleId: second, levels: levels(1, 1, 1) });
    await switchPhase(as("teacher"), { activityId, phase: "SUBMISSION" });
    await submitWork(as("student"), { activityId, text: "甲的作品" });
    await submitWork(as("student2"), { activityId, text: "乙的作品" });
    await switchPhase(as("teacher"), { activityId, phase: "ASSESSMENT" });

    let view = await getPeerReviewForStudent(as("student"), activityId);
    expect(view.todo).toBe("calibrate");
    expect(view.reviews).toEqual([]);
    expect(view.calibration.examples[0]).toMatchObject({ attempted: false, canAttempt: true, reference: null });
    const assessmentId = (await db.peerAssessment.findFirstOrThrow({ where: { reviewerId: s.student.id, kind: "PEER", submission: { activityId } } })).id;
    expect(await outcome(saveAssessment(as("student"), { assessmentId, levels: levels(2, 2, 2) }))).toBe("peer.calibrate_first");

    // Two levels off in all: closeness 100 − 150 × 2/9 = 66.67, below 80.
    const first = await submitCalibration(as("student"), { exampleId, levels: levels(2, 2, 2) });
    expect(first).toMatchObject({ closeness: 66.67, passed: false });
    expect(await outcome(submitCalibration(as("student"), { exampleId, levels: levels(3, 3, 2) }))).toBe("peer.calibration_done");
    view = await getPeerReviewForStudent(as("student"), activityId);
    expect(view.calibration.examples[0]).toMatchObject({ attempted: true, closeness: 66.67, reference: { levels: levels(3, 3, 2), comments: { advice: "计划需补充复查心电图" } } });
    expect(await submitCalibration(as("student"), { exampleId: second, levels: levels(1, 1, 1) })).toMatchObject({ closeness: 100, passed: true });

    view = await getPeerReviewForStudent(as("student"), activityId);
    expect(view.todo).toBe("review");
    expect(view.reviews).toHaveLength(1);
    expect(view.reviews[0]).toMatchObject({ id: assessmentId, kind: "PEER", text: "乙的作品", authorName: null, editable: true });

    expect(await outcome(saveAssessment(as("student"), { assessmentId, levels: { history: "h2" }, submit: true }))).toBe("peer.assessment_incomplete");
    await saveAssessment(as("student"), { assessmentId, levels: { history: "h2" }, comments: { advice: "草稿" }, submit: false });
    expect(await db.peerAssessment.findUniqueOrThrow({ where: { id: assessmentId } })).toMatchObject({ submittedAt: null, score: null, comments: { advice: "草稿" } });
    await saveAssessment(as("student"), { assessmentId, levels: levels(2, 2, 2), comments: { advice: "思路清楚" } });
    expect(await db.peerAssessment.findUniqueOrThrow({ where: { id: assessmentId } })).toMatchObject({ score: 66.67, submittedAt: expect.any(Date) });
    // Someone else's review is not theirs to write.
    expect(await outcome(saveAssessment(as("student2"), { assessmentId, levels: levels(1, 1, 1) }))).toBe("not_found");
    expect((await getPeerReviewForStudent(as("student"), activityId)).todo).toBe("wait_grades");
    expect((await calibrationStateOf(db, { id: activityId, calibrationRequired: true, calibrationThreshold: 80 }, s.student2.id)).passed).toBe(false);
  });
});

describe("grades, release, flags and reminders", () => {
  it("a whole round: grades from what arrived, reviewing grades, override, release, flag and resolve", async () => {
    const { activityId, authors } = await withSubmissions(2, { reviewsPerSubmission: 3, submissionWeight: 80 });
    await switchPhase(as("teacher"), { activityId, phase: "ASSESSMENT" });
    // Everybody but the last author reviews; each gives the same levels except the first, who is careless.
    const rows = await db.peerAssessment.findMany({ where: { submission: { activityId }, kind: "PEER" }, orderBy: { id: "asc" } });
    const lazy = authors[authors.length - 1];
    for (const row of rows) {
      if (row.reviewerId === lazy.id) continue;
      const careless = row.reviewerId === authors[0].id;
      await saveAssessment(actorOf(authors.find((a) => a.id === row.reviewerId)!), { assessmentId: row.id, levels: careless ? levels(0, 0, 0) : levels(3, 3, 3), comments: { advice: "建议" } });
    }
    const reminded = await remindNonReviewers(as("teacher"), { activityId }, new Date("2030-02-01T00:00:42Z"));
    expect(reminded.reminded).toBe(1);
    const event = await db.domainEvent.findFirstOrThrow({ where: { subjectId: activityId, type: "peer.reminder_requested" } });
    expect(event.payload).toEqual({ userIds: [lazy.id], round: "2030-02-01T00:00:00.000Z" });

    await switchPhase(as("teacher"), { activityId, phase: "GRADING" });
    // Entering grading evaluation computed the grades: the switch is on record with every grade that moved.
    const grading = (await auditOf(activityId, "peer.switch_phase")).at(-1)!;
    const graded = await db.peerSubmission.findMany({ where: { activityId, isExample: false, grade: { not: null } }, select: { authorId: true, grade: true } });
    expect(graded.length).toBeGreaterThan(0);
    expect(grading).toMatchObject({ actorId: s.teacher.id, detail: { activityId, from: { phase: "ASSESSMENT" }, to: { phase: "GRADING" }, graded: graded.length } });
    expect((grading.detail as { changes: unknown[] }).changes).toEqual(
      expect.arrayContaining(graded.map((row) => ({ studentId: row.authorId, from: { grade: null }, to: { grade: row.grade } }))),
    );
    const view = await getPeerReviewForTeacher(as("teacher"), activityId);
    const lazyRow = view.students.find((r) => r.id === lazy.id)!;
    expect(lazyRow).toMatchObject({ reviewsAllocated: 3, reviewsDone: 0, reviewingGrade: 0 });
    const carelessRow = view.students.find((r) => r.id === authors[0].id)!;
    expect(carelessRow.reviewingGrade).toBeLessThan(50);
    // The careless reviews disagree; a good one is listed only where it stood alone against a careless one.
    const carelessOn = new Set(view.disagreements.filter((d) => d.reviewerName === authors[0].name).map((d) => d.submissionId));
    expect(carelessOn.size).toBeGreaterThan(0);
    expect(view.disagreements.every((d) => carelessOn.has(d.submissionId))).toBe(true);
    // Submissions reviewed by the lazy author miss a review: graded from what arrived, flagged for the teacher.
    expect(view.submissions.some((x) => x.flags.includes("missing_reviews") && x.grade !== null)).toBe(true);

    // Nothing is visible before release.
    expect((await getPeerReviewForStudent(actorOf(authors[1]), activityId)).results).toBeNull();
    await releaseGrades(as("teacher"), { activityId, released: true });
    const mine = await getPeerReviewForStudent(actorOf(authors[1]), activityId);
    expect(mine.todo).toBe("results");
    expect(mine.results?.reviews.map((r) => r.alias).sort()).toEqual(mine.results!.reviews.map((r) => r.alias).sort());
    expect(mine.results?.reviews.every((r) => r.reviewerName === null)).toBe(true);
    expect(mine.results?.activityGrade).toBeCloseTo(0.8 * mine.results!.grade! + 0.2 * mine.results!.reviewingGrade!, 1);

    const received = mine.results!.reviews[0];
    expect(await outcome(flagReview(actorOf(authors[2]), { assessmentId: received.id, reason: "不是我的" }))).toBe("not_found");
    await flagReview(actorOf(authors[1]), { assessmentId: received.id, reason: "评分与评语不符" });
    expect(await outcome(flagReview(actorOf(authors[1]), { assessmentId: received.id, reason: "再次" }))).toBe("peer.already_flagged");
    const flags = (await getPeerReviewForTeacher(as("assistant"), activityId)).flags;
    expect(flags).toEqual([expect.objectContaining({ assessmentId: received.id, reason: "评分与评语不符", resolvedAt: null })]);
    await resolveFlag(as("assistant"), { assessmentId: received.id });
    const submissionId = flags[0].submissionId;
    await overrideGrade(as("teacher"), { submissionId, grade: 95, note: "申诉成立" });
    const after = await getPeerReviewForStudent(actorOf(authors[1]), activityId);
    expect(after.results).toMatchObject({ grade: 95, overridden: true });
    expect(after.results?.reviews.find((r) => r.id === received.id)).toMatchObject({ flagged: true, flagResolved: true });
  });

  it("records overrides set and cleared, grades released and withdrawn, and a step back that withdraws them", async () => {
    const { activityId } = await withSubmissions(1);
    await switchPhase(as("teacher"), { activityId, phase: "ASSESSMENT" });
    await switchPhase(as("teacher"), { activityId, phase: "GRADING" });
    const submission = await db.peerSubmission.findFirstOrThrow({ where: { activityId, isExample: false, authorId: s.student2.id } });
    await overrideGrade(as("teacher"), { submissionId: submission.id, grade: 80, note: "教师评阅" });
    await overrideGrade(as("assistant"), { submissionId: submission.id, grade: null, note: "ignored when clearing" });
    expect(await auditOf(submission.id, "peer.grade_override_clear")).toEqual([
      {
        actorId: s.assistant.id,
        courseId: s.course.id,
        departmentId: s.dept.id,
        detail: { activityId, studentId: s.student2.id, from: { gradeOverride: 80, overrideNote: "教师评阅" }, to: { gradeOverride: null, overrideNote: null } },
      },
    ]);
    const first = new Date("2030-03-01T08:00:00Z");
    const second = new Date("2030-03-02T08:00:00Z");
    await releaseGrades(as("teacher"), { activityId, released: true }, first);
    await releaseGrades(as("teacher"), { activityId, released: false });
    await releaseGrades(as("admin"), { activityId, released: true }, second);
    expect((await auditOf(activityId, "peer.release_grades")).map((row) => [row.actorId, row.detail])).toEqual([
      [s.teacher.id, { activityId, from: { gradesReleasedAt: null }, to: { gradesReleasedAt: first.toISOString() } }],
      [s.admin.id, { activityId, from: { gradesReleasedAt: null }, to: { gradesReleasedAt: second.toISOString() } }],
    ]);
    expect((await auditOf(activityId, "peer.unrelease_grades")).map((row) => row.detail)).toEqual([
      { activityId, from: { gradesReleasedAt: first.toISOString() }, to: { gradesReleasedAt: null } },
    ]);
    await switchPhase(as("teacher"), { activityId, phase: "ASSESSMENT" });
    expect((await auditOf(activityId, "peer.switch_phase")).at(-1)?.detail).toEqual({
      activityId,
      from: { phase: "GRADING", gradesReleasedAt: second.toISOString() },
      to: { phase: "ASSESSMENT", gradesReleasedAt: null },
    });
  });

  it("a submission nobody reviewed gets no grade and waits for the teacher", async () => {
    const { activityId } = await withSubmissions(0, { reviewsPerSubmission: 1 });
    await switchPhase(as("teacher"), { activityId, phase: "ASSESSMENT" });
    await switchPhase(as("teacher"), { activityId, phase: "GRADING" });
    const view = await getPeerReviewForTeacher(as("teacher"), activityId);
    expect(view.submissions.map((x) => [x.grade, x.flags])).toEqual([
      [null, ["no_reviews"]],
      [null, ["no_reviews"]],
    ]);
    expect(view.students.find((r) => r.id === s.student.id)).toMatchObject({ submissionGrade: null, reviewingGrade: 0, activityGrade: null });
  });
});
