import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { actorOf } from "@/tests/factories";
import { archiveQuestion } from "./archive-question";
import { bankQuestionWhere } from "./bank-scope";
import { createCaseSet } from "./create-case-set";
import { createQuestion } from "./create-question";
import { exportBank } from "./export-bank";
import { getBankQuestion, listBankQuestions, listBankTags } from "./queries";
import { SAMPLE_CASE, SAMPLE_QUESTIONS, fillBank, makeBankSchool } from "./test-fixtures";
import { updateCase } from "./update-case";
import { updateQuestion } from "./update-question";

type School = Awaited<ReturnType<typeof makeBankSchool>>;

const single = SAMPLE_QUESTIONS[0];

describe("question bank", () => {
  let s: School;
  beforeAll(async () => {
    s = await makeBankSchool();
    await fillBank(s.teacher, s.course.id);
    // The sister course shares two questions (one since archived) and keeps one to itself; another department shares one.
    const sister = actorOf(s.otherTeacher);
    await createQuestion(sister, { courseId: s.sister.id, question: { ...single, stem: "姐妹课程共享题", tags: ["共享标签"] }, shared: true });
    const archived = await createQuestion(sister, { courseId: s.sister.id, question: { ...single, stem: "姐妹课程已归档" }, shared: true });
    await archiveQuestion(sister, { courseId: s.sister.id, questionId: archived.questionId, archived: true });
    await createQuestion(sister, { courseId: s.sister.id, question: { ...single, stem: "姐妹课程私有题" } });
    await createQuestion(sister, { courseId: s.foreign.id, question: { ...single, stem: "外系共享题" }, shared: true });
  });

  it("lists the course's questions with counts by type, tags and the department's shared ones read-only", async () => {
    const page = await listBankQuestions(actorOf(s.teacher), s.course.id);
    expect(page.total).toBe(SAMPLE_QUESTIONS.length + SAMPLE_CASE.questions.length + 1);
    expect(page.counts).toEqual({ SINGLE: 4, MULTIPLE: 2, TRUE_FALSE: 2, FILL_IN: 2, SHORT_ANSWER: 1 });
    const shared = page.items.filter((q) => !q.editable);
    expect(shared.map((q) => [q.stem, q.fromCourse?.code])).toEqual([["姐妹课程共享题", s.sister.code]]);
    expect(page.tags.map((t) => t.tag)).toEqual(expect.arrayContaining(["系统:心血管", "共享标签"]));
    expect(page.tags[0]).toEqual({ tag: "系统:心血管", count: 2 });
    const caseQuestions = page.items.filter((q) => q.case);
    expect(caseQuestions.map((q) => q.case!.position).sort()).toEqual([1, 2, 3]);
    expect(new Set(caseQuestions.map((q) => q.case!.vignette))).toEqual(new Set([SAMPLE_CASE.vignette]));
  });

  it.each([
    [{ type: "FILL_IN" as const }, ["叩诊心界向左下扩大，呈 ____ 型心。", "心尖区舒张期隆隆样杂音提示 ____ 狭窄，血压 ____ mmHg 为正常高值上限。"]],
    [{ tag: "系统:呼吸" }, ["正常成人呼吸频率为 12–20 次/分。"]],
    [{ difficulty: 4 }, ["可闻及第三心音的是"]],
    [{ q: "压榨样" }, ["急诊处理包括", "首选的检查是", "最可能的诊断是"]],
    [{ q: "共享", source: "course" as const }, []],
    [{ source: "shared" as const }, ["姐妹课程共享题"]],
  ])("filters by %o", async (filter, stems) => {
    const page = await listBankQuestions(actorOf(s.teacher), s.course.id, filter);
    expect(page.items.map((q) => q.stem).sort()).toEqual([...stems].sort());
  });

  it("ignores a filter that makes no sense instead of failing", async () => {
    const page = await listBankQuestions(actorOf(s.teacher), s.course.id, { type: "ESSAY" as never, difficulty: "hard" as never, page: "-3" as never });
    expect(page.filter).toMatchObject({ type: undefined, difficulty: undefined, page: 1 });
    expect(page.total).toBeGreaterThan(0);
  });

  it("lists the tags a course may draw from, shared ones included", async () => {
    const tags = await listBankTags(actorOf(s.teacher), s.course.id);
    expect(tags.map((t) => t.tag)).toEqual(expect.arrayContaining(["系统:心血管", "学科:诊断学", "共享标签"]));
    expect(tags.map((t) => t.tag)).not.toContain("外系");
  });

  it("keeps other departments' and archived shared questions out of every read", async () => {
    const rows = await db.question.findMany({ where: bankQuestionWhere({ courseId: s.course.id, departmentId: s.dept.id }), select: { stem: true } });
    const stems = rows.map((r) => r.stem);
    expect(stems).toContain("姐妹课程共享题");
    expect(stems).not.toContain("姐妹课程已归档");
    expect(stems).not.toContain("姐妹课程私有题");
    expect(stems).not.toContain("外系共享题");
  });

  it("creates, edits and archives a question, moving it into and out of a case set", async () => {
    const teacher = actorOf(s.teacher);
    const { questionId } = await createQuestion(teacher, {
      courseId: s.course.id,
      question: { ...single, stem: "新题", tags: [" 系统：心血管 ", "系统:心血管", "学科:诊断学"] },
      placement: { caseId: null, vignette: "新病例：患者女，30岁。" },
    });
    let saved = await db.question.findUniqueOrThrow({ where: { id: questionId }, include: { case: true } });
    expect(saved).toMatchObject({ stem: "新题", tags: ["系统:心血管", "学科:诊断学"], casePosition: 1, createdById: s.teacher.id, shared: false });
    expect(saved.case?.vignette).toBe("新病例：患者女，30岁。");

    const existingCase = await db.questionCase.findFirstOrThrow({ where: { courseId: s.course.id, vignette: SAMPLE_CASE.vignette } });
    await updateQuestion(teacher, {
      courseId: s.course.id,
      questionId,
      question: { type: "TRUE_FALSE", stem: "改成判断", answer: [false], options: [] },
      shared: true,
      placement: { caseId: existingCase.id, vignette: null },
    });
    saved = await db.question.findUniqueOrThrow({ where: { id: questionId }, include: { case: true } });
    expect(saved).toMatchObject({ type: "TRUE_FALSE", answer: [false], options: [], shared: true, caseId: existingCase.id, casePosition: 4 });

    await updateQuestion(teacher, { courseId: s.course.id, questionId, question: { type: "TRUE_FALSE", stem: "独立", answer: [true] }, placement: {} });
    saved = await db.question.findUniqueOrThrow({ where: { id: questionId }, include: { case: true } });
    expect([saved.caseId, saved.casePosition, saved.shared]).toEqual([null, null, false]);

    await archiveQuestion(teacher, { courseId: s.course.id, questionId, archived: true });
    expect((await listBankQuestions(teacher, s.course.id)).items.map((q) => q.id)).not.toContain(questionId);
    expect((await listBankQuestions(teacher, s.course.id, { archived: true })).items.map((q) => q.id)).toEqual([questionId]);
    await archiveQuestion(teacher, { courseId: s.course.id, questionId, archived: false });
    const audit = await db.auditLog.findMany({ where: { target: questionId }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(["qbank.create", "qbank.update", "qbank.update", "qbank.archive", "qbank.restore"]);
    await db.question.delete({ where: { id: questionId } });
  });

  it("rewrites a case set's vignette for all its questions", async () => {
    const { caseId } = await createCaseSet(actorOf(s.teacher), { courseId: s.course.id, vignette: "旧病例", questions: [single, single] });
    await updateCase(actorOf(s.teacher), { courseId: s.course.id, caseId, vignette: "新病例" });
    const found = await getBankQuestion(actorOf(s.teacher), s.course.id, (await db.question.findFirstOrThrow({ where: { caseId } })).id);
    expect(found.question.case?.vignette).toBe("新病例");
    expect(found.caseQuestions.map((q) => q.casePosition)).toEqual([1, 2]);
    await db.question.deleteMany({ where: { caseId } });
    await db.questionCase.delete({ where: { id: caseId } });
  });

  it.each([
    ["an answer that is not an option", { ...single, answer: ["D"] }],
    ["one option", { ...single, options: [{ key: "A", text: "a" }] }],
    ["a blank stem", { ...single, stem: "  " }],
    ["a true/false without a value", { type: "TRUE_FALSE" as const, stem: "q", answer: [] }],
    ["a fill-in without blanks", { type: "FILL_IN" as const, stem: "q", answer: [] }],
    ["difficulty 6", { ...single, difficulty: 6 }],
    ["a tag with a separator", { ...single, tags: ["系统,心血管"] }],
  ])("refuses %s and saves nothing", async (_case, question) => {
    const before = await db.question.count();
    await expect(createQuestion(actorOf(s.teacher), { courseId: s.course.id, question })).rejects.toBeInstanceOf(ZodError);
    expect(await db.question.count()).toBe(before);
  });

  it("shows a shared question of a sister course read-only and refuses to edit it", async () => {
    const shared = await db.question.findFirstOrThrow({ where: { stem: "姐妹课程共享题" } });
    const found = await getBankQuestion(actorOf(s.teacher), s.course.id, shared.id);
    expect(found.question).toMatchObject({ editable: false, fromCourse: { code: s.sister.code } });
    const edit = { courseId: s.course.id, questionId: shared.id, question: { ...single, stem: "改掉" } };
    await expect(updateQuestion(actorOf(s.teacher), edit)).rejects.toMatchObject({ code: "qbank.shared_read_only" });
    await expect(archiveQuestion(actorOf(s.teacher), { courseId: s.course.id, questionId: shared.id, archived: true })).rejects.toMatchObject({
      code: "qbank.shared_read_only",
    });
    const foreign = await db.question.findFirstOrThrow({ where: { stem: "外系共享题" } });
    await expect(getBankQuestion(actorOf(s.teacher), s.course.id, foreign.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(updateQuestion(actorOf(s.teacher), { ...edit, questionId: foreign.id })).rejects.toMatchObject({ code: "not_found" });
    expect((await db.question.findUniqueOrThrow({ where: { id: shared.id } })).stem).toBe("姐妹课程共享题");
  });

  it("refuses a case set of another course", async () => {
    const other = await db.questionCase.create({ data: { courseId: s.sister.id, vignette: "别的课程的病例" } });
    await expect(
      createQuestion(actorOf(s.teacher), { courseId: s.course.id, question: single, placement: { caseId: other.id, vignette: "改写" } }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(updateCase(actorOf(s.teacher), { courseId: s.course.id, caseId: other.id, vignette: "改写" })).rejects.toMatchObject({ code: "not_found" });
    expect((await db.questionCase.findUniqueOrThrow({ where: { id: other.id } })).vignette).toBe("别的课程的病例");
  });

  // The bank holds the answers: the course's teacher (and admins) only; to students it does not exist.
  it.each([
    ["teacher", "ok"],
    ["admin", "ok"],
    ["assistant", "auth.forbidden"],
    ["deptAdmin", "auth.forbidden"],
    ["student", "not_found"],
    ["student2", "not_found"],
    ["otherTeacher", "not_found"],
    ["outsider", "not_found"],
    ["otherDeptAdmin", "not_found"],
  ] as const)("%s → %s for every read and write of the bank", async (who, expected) => {
    const actor = actorOf(s[who]);
    const target = await db.question.findFirstOrThrow({ where: { courseId: s.course.id, stem: single.stem, caseId: null } });
    const caseRow = await db.questionCase.findFirstOrThrow({ where: { courseId: s.course.id, vignette: SAMPLE_CASE.vignette } });
    const before = { count: await db.question.count(), target, vignette: caseRow.vignette };
    const results = await Promise.allSettled([
      listBankQuestions(actor, s.course.id),
      listBankTags(actor, s.course.id),
      getBankQuestion(actor, s.course.id, target.id),
      exportBank(actor, s.course.id, "xlsx"),
      createQuestion(actor, { courseId: s.course.id, question: { ...single, stem: `${who} 的题` } }),
      updateQuestion(actor, { courseId: s.course.id, questionId: target.id, question: { ...single, stem: `改过的题 ${who}` } }),
      archiveQuestion(actor, { courseId: s.course.id, questionId: target.id, archived: true }),
      updateCase(actor, { courseId: s.course.id, caseId: caseRow.id, vignette: `${who} 的病例` }),
      createCaseSet(actor, { courseId: s.course.id, vignette: `${who} 的病例`, questions: [{ ...single, stem: `${who} 的病例题` }] }),
    ]);
    if (expected === "ok") {
      expect(results.map((r) => r.status)).toEqual(Array(results.length).fill("fulfilled"));
      // Undo, so that every row of the table starts from the same bank.
      await db.question.deleteMany({ where: { stem: { startsWith: who } } });
      await db.questionCase.deleteMany({ where: { vignette: `${who} 的病例`, questions: { none: {} } } });
      await db.question.update({ where: { id: target.id }, data: { stem: target.stem, archived: false } });
      await db.questionCase.update({ where: { id: caseRow.id }, data: { vignette: SAMPLE_CASE.vignette } });
    } else {
      for (const result of results) expect(result).toMatchObject({ status: "rejected", reason: { code: expected } });
      expect(await db.question.count()).toBe(before.count);
      expect(await db.question.findUniqueOrThrow({ where: { id: target.id } })).toEqual(before.target);
      expect((await db.questionCase.findUniqueOrThrow({ where: { id: caseRow.id } })).vignette).toBe(before.vignette);
    }
  });
});
