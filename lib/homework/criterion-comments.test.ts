import { type ComponentProps, createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GradingForm } from "@/components/homework/grading-form";
import { LOCALES, TIME_ZONE } from "@/i18n/config";
import { loadMessages } from "@/i18n/messages";
import { db } from "@/lib/db";
import { toErrorResult } from "@/lib/errors";
import { actorOf, makeSchool } from "@/tests/factories";
import { gradeSubmission } from "./grade-submission";
import { publishHomework } from "./publish-homework";
import { releaseGrades } from "./release-grades";
import { saveHomework } from "./save-homework";
import { GradeSubmissionFormSchema, HOMEWORK_LIMITS, commentErrorKeyOf } from "./schemas";
import { getHomeworkForStudent } from "./student-queries";
import { submitHomework } from "./submit-homework";
import { getHomeworkEditor, getSubmissionForGrading } from "./teacher-queries";
import { RUBRIC, homeworkInput } from "./test-fixtures";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => {}, refresh: () => {} }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

type School = Awaited<ReturnType<typeof makeSchool>>;
let s: School;
beforeAll(async () => {
  s = await makeSchool();
});

const teacher = () => actorOf(s.teacher);
const student = () => actorOf(s.student);

/** A published homework graded by RUBRIC, handed in by the student; its stored rubric and the submission. */
async function submittedToRubric() {
  const { homeworkId } = await saveHomework(teacher(), homeworkInput(s.course.id, { rubric: RUBRIC }));
  await publishHomework(teacher(), { homeworkId });
  const { submissionId } = await submitHomework(student(), { homeworkId, text: "患者胸痛，考虑急性冠脉综合征。" });
  const rubric = (await getHomeworkEditor(teacher(), s.course.id, homeworkId)).values.rubric!;
  const picks = Object.fromEntries(rubric.map((criterion) => [criterion.id, criterion.levels[0].id]));
  return { homeworkId, submissionId, rubric, picks };
}

const storedOf = (submissionId: string) =>
  db.homeworkSubmission.findUniqueOrThrow({ where: { id: submissionId }, select: { criterionComments: true, score: true, gradedAt: true } });

describe("a comment per rubric criterion", () => {
  it("is saved trimmed (blank ones dropped), shown to the grader, and to the student only once released", async () => {
    const { homeworkId, submissionId, rubric, picks } = await submittedToRubric();
    const [history, diagnosis, plan] = rubric.map((criterion) => criterion.id);
    await gradeSubmission(teacher(), {
      submissionId,
      rubricLevels: picks,
      criterionComments: { [history]: "  现病史归纳完整。\n注意既往史。 ", [diagnosis]: "鉴别诊断漏了主动脉夹层", [plan]: "   " },
      feedback: "总体不错",
    });
    const expected = { [history]: "现病史归纳完整。\n注意既往史。", [diagnosis]: "鉴别诊断漏了主动脉夹层" };
    expect((await storedOf(submissionId)).criterionComments).toEqual(expected);
    expect((await getSubmissionForGrading(teacher(), s.course.id, submissionId)).criterionComments).toEqual(expected);

    const hidden = await getHomeworkForStudent(student(), homeworkId);
    expect(hidden.grade).toBeNull();
    expect(JSON.stringify(hidden)).not.toContain("主动脉夹层");

    await releaseGrades(teacher(), { homeworkId, released: true });
    expect((await getHomeworkForStudent(student(), homeworkId)).grade).toMatchObject({ rubricLevels: picks, criterionComments: expected });
    // Another student of the course sees none of it.
    expect(JSON.stringify(await getHomeworkForStudent(actorOf(s.student2), homeworkId))).not.toContain("主动脉夹层");

    await releaseGrades(teacher(), { homeworkId, released: false });
    expect((await getHomeworkForStudent(student(), homeworkId)).grade).toBeNull();
  });

  it("is replaced on regrading: a comment cleared is gone", async () => {
    const { submissionId, rubric, picks } = await submittedToRubric();
    const [history, diagnosis] = rubric.map((criterion) => criterion.id);
    await gradeSubmission(teacher(), { submissionId, rubricLevels: picks, criterionComments: { [history]: "甲", [diagnosis]: "乙" } });
    await gradeSubmission(teacher(), { submissionId, rubricLevels: picks, criterionComments: { [history]: "", [diagnosis]: "乙（改）" } });
    expect((await storedOf(submissionId)).criterionComments).toEqual({ [diagnosis]: "乙（改）" });
  });

  it("refuses a comment over the limit with a validation error on that box, and saves nothing", async () => {
    const { submissionId, rubric, picks } = await submittedToRubric();
    const long = "长".repeat(HOMEWORK_LIMITS.criterionComment + 1);
    const failure = await gradeSubmission(teacher(), { submissionId, rubricLevels: picks, criterionComments: { [rubric[1].id]: long }, feedback: "好" }).then(
      () => null,
      toErrorResult,
    );
    expect(failure).toMatchObject({ code: "validation", fieldErrors: { [commentErrorKeyOf(rubric[1].id)]: ["validation.too_big"] } });
    expect(await storedOf(submissionId)).toEqual({ criterionComments: {}, score: null, gradedAt: null });
    // Exactly at the limit is fine.
    const limit = "长".repeat(HOMEWORK_LIMITS.criterionComment);
    await gradeSubmission(teacher(), { submissionId, rubricLevels: picks, criterionComments: { [rubric[1].id]: limit } });
    expect((await storedOf(submissionId)).criterionComments).toEqual({ [rubric[1].id]: limit });
  });

  it("refuses a comment on a criterion the rubric does not have, or on any when grading by points, and saves nothing", async () => {
    const { submissionId, picks } = await submittedToRubric();
    const foreign = gradeSubmission(teacher(), { submissionId, rubricLevels: picks, criterionComments: { gone: "旧表单" } });
    await expect(foreign).rejects.toMatchObject({ code: "validation" });
    expect(await storedOf(submissionId)).toEqual({ criterionComments: {}, score: null, gradedAt: null });

    const { homeworkId } = await saveHomework(teacher(), homeworkInput(s.course.id));
    await publishHomework(teacher(), { homeworkId });
    const byPoints = await submitHomework(student(), { homeworkId, text: "答案" });
    const run = gradeSubmission(teacher(), { submissionId: byPoints.submissionId, points: 80, criterionComments: { any: "x" } });
    await expect(run).rejects.toMatchObject({ code: "validation" });
    expect(await storedOf(byPoints.submissionId)).toEqual({ criterionComments: {}, score: null, gradedAt: null });
  });

  it("reads one comment box per criterion from the grading form, none when grading by points", () => {
    const form = {
      submissionId: "s1",
      rubric: "true",
      "level.history": "history-a",
      "comment.history": " 好 ",
      "comment.plan": "",
      feedback: "",
    };
    expect(GradeSubmissionFormSchema.parse(form)).toMatchObject({ rubricLevels: { history: "history-a" }, criterionComments: { history: "好", plan: "" } });
    expect(GradeSubmissionFormSchema.parse({ submissionId: "s1", rubric: "false", points: "80", "comment.history": "x" })).toMatchObject({
      criterionComments: {},
      points: 80,
    });
  });

  it.each(LOCALES)("the grading form (%s) has a comment box under each criterion's levels, filled with the saved comment", async (locale) => {
    const level = (id: string, points: number) => ({ id, title: `等级${id}`, description: "", points });
    const rubric = [
      { kind: "levels" as const, id: "history", title: "病史归纳", description: "", levels: [level("h1", 10), level("h2", 0)] },
      { kind: "levels" as const, id: "plan", title: "诊疗计划", description: "", levels: [level("p1", 10), level("p2", 0)] },
    ];
    const element = createElement(GradingForm, {
      submissionId: "s1",
      rubric,
      points: 20,
      late: { latePolicy: "NONE", lateRate: 0, lateInterval: "DAY", lateMaxDeduction: null, lateFloor: null },
      lateMinutes: 0,
      initial: { picks: {}, criterionComments: { plan: "计划<写得>很好" }, rawScore: null, feedback: "" },
    });
    const provider: ComponentProps<typeof NextIntlClientProvider> = {
      locale,
      timeZone: TIME_ZONE,
      messages: await loadMessages(locale),
      // A missing message or a broken ICU pattern fails the test instead of printing the key.
      onError: (error) => {
        throw error;
      },
      children: element,
    };
    const html = renderToStaticMarkup(createElement(NextIntlClientProvider, provider));
    expect(html.match(/name="comment\.[a-z]+"/g)).toEqual(['name="comment.history"', 'name="comment.plan"']);
    expect(html).toContain("计划&lt;写得&gt;很好");
    // The box comes after its criterion's levels.
    expect(html.indexOf('name="comment.history"')).toBeGreaterThan(html.lastIndexOf('name="level.history"'));
  });
});
