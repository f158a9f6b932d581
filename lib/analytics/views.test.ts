import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf } from "@/tests/factories";
import { getAtRiskStudents } from "./at-risk";
import { getCompetencyView } from "./competencies";
import { getCourseDashboard } from "./course-dashboard";
import { getItemAnalysis } from "./get-item-analysis";
import { getStudentAnalytics } from "./student-analytics";
import { refreshSummaries } from "./summaries";
import { NOW, makeAnalyticsSchool } from "./test-fixtures";

let s: Awaited<ReturnType<typeof makeAnalyticsSchool>>;
beforeAll(async () => {
  s = await makeAnalyticsSchool();
  const item = await db.assessmentItem.create({ data: { courseId: s.course.id, position: 0, name: "课后测验", weight: 40 } });
  await db.quiz.update({ where: { id: s.quizzes[0].id }, data: { assessmentItemId: item.id } });
});

describe("getCourseDashboard", () => {
  it("goes lesson by lesson: feedback and confidence before, sign-in, participation, 不懂 peaks, quiz results after", async () => {
    const dashboard = await getCourseDashboard(actorOf(s.teacher), s.course.id, NOW);
    const [l1, l2, l3] = dashboard.lessons;
    expect(l1).toMatchObject({
      week: 1,
      feedback: 2,
      feedbackRate: 1,
      meanConfidence: 3,
      signInHeld: true,
      attended: 1,
      signInRate: 0.5,
      topics: 1,
      participants: 1,
      participationRate: 0.5,
      lost: 3,
      lostPeak: 3,
      planAdjusted: false,
      quizResults: 2,
      quizAverage: 65,
      quizPassRate: 0.5,
    });
    expect(l1.objectives.map((o) => o.meanConfidence)).toEqual([3, 3]);
    expect(l2).toMatchObject({ week: 2, feedback: 1, feedbackRate: 0.5, attended: 2, signInRate: 1, participationRate: null, quizAverage: 50 });
    // Not open yet: nothing is due, so no rate.
    expect(l3).toMatchObject({ week: 7, preClassPublished: true, feedback: 0, feedbackRate: null, signInHeld: false, quizAverage: null });
    expect(dashboard.measures).toMatchObject({ students: 2, preClassRate: 0.75, quizAverage: 57.5 });
  });

  it("gives score distributions per quiz and for the course, and the gradebook per assessment item", async () => {
    const dashboard = await getCourseDashboard(actorOf(s.teacher), s.course.id, NOW);
    const bins = (counts: { count: number }[]) => counts.flatMap((bin, i) => (bin.count ? [[i * 10, bin.count]] : []));
    expect(dashboard.quizzes.map((q) => [q.title, q.results, q.average, q.passRate])).toEqual([
      ["测验一", 2, 65, 0.5],
      ["测验二", 2, 50, 0.5],
    ]);
    expect(bins(dashboard.quizzes[0].distribution)).toEqual([[50, 1], [80, 1]]);
    expect(bins(dashboard.distribution)).toEqual([[30, 1], [50, 1], [70, 1], [80, 1]]);
    // From the gradebook's loader (released-grades.test.ts checks that the two agree).
    expect(dashboard.gradebook).toEqual({
      items: [{ assessmentItemId: expect.any(String), name: "课后测验", weight: 40, quizzes: 1, homework: 0, peerReviews: 0, students: 2, average: 65 }],
      total: { students: 2, average: 65 },
      schemeComplete: false,
    });
  });

  it("shows a later change once the summaries are rebuilt", async () => {
    const extra = await db.user.create({ data: { no: `late-${s.course.id}`, name: "插班生", role: "STUDENT", passwordHash: "x" } });
    await db.courseMember.create({ data: { courseId: s.course.id, userId: extra.id, role: "STUDENT" } });
    expect((await getCourseDashboard(actorOf(s.teacher), s.course.id, NOW)).measures.students).toBe(2);
    await refreshSummaries([s.course.id], NOW);
    expect((await getCourseDashboard(actorOf(s.teacher), s.course.id, NOW)).measures.students).toBe(3);
    await db.courseMember.deleteMany({ where: { userId: extra.id } });
    await refreshSummaries([s.course.id], NOW);
  });
});

describe("getStudentAnalytics", () => {
  it("gives the student's own measures per course, a timeline, tag strengths and weaknesses", async () => {
    const view = await getStudentAnalytics(actorOf(s.student), s.student.id, {}, NOW);
    expect(view.student).toMatchObject({ id: s.student.id, className: s.cls.name });
    expect(view.courses).toHaveLength(1);
    expect(view.courses[0]).toMatchObject({
      preClassRate: 1,
      signInRate: 1,
      participationRate: 1,
      quizAverage: 55,
      quizPassRate: 0.5,
      homeworkOnTimeRate: 1,
      bindingRate: 1,
      deliveryRate: 2 / 3,
      evaluationMean: null,
    });
    expect(view.timeline.map((item) => item.kind).sort()).toEqual(["attendance", "attendance", "feedback", "feedback", "homework", "quiz", "quiz"]);
    expect(view.timeline[0]).toMatchObject({ kind: "homework", title: "病例分析报告", value: 0 });
    expect(view.timeline.find((item) => item.kind === "quiz" && item.title === "测验二")?.value).toBe(30);
    // 系统:心血管 on both questions: (0 + 1 + 1 + 0) + (0.8 + 0.6 + 0.8 + 0.6) over 8 answers; 学科:诊断学 on q1 only.
    expect(view.strengths).toEqual([{ tag: "系统:心血管", answered: 8, mean: expect.closeTo(0.6, 10) }]);
    expect(view.weaknesses).toEqual([{ tag: "学科:诊断学", answered: 4, mean: 0.5 }]);
    expect(view.mistakes).toEqual({ open: 0, due: 0, mastered: 0, byCourse: [] });
  });
});

describe("getAtRiskStudents", () => {
  it("lists students with the reasons, most reasons first", async () => {
    const { rows, checked } = await getAtRiskStudents(actorOf(s.teacher), { courseId: s.course.id }, NOW);
    expect(checked).toBe(2);
    expect(rows.map((row) => [row.studentId, row.reasons])).toEqual([
      [
        s.student2.id,
        [
          { code: "missed_preclass", missed: 1, due: 2 },
          { code: "absences", absent: 1, held: 2 },
        ],
      ],
      [s.student.id, [{ code: "low_scores", recent: 55 }]],
    ]);
    expect(rows[0]).toMatchObject({ name: s.student2.name, className: s.cls.name, courseTitle: s.course.title });
  });

  it("applies the department's own thresholds", async () => {
    await db.atRiskRule.create({
      data: { departmentId: s.dept.id, lowScorePercent: 0, missedPreClassPercent: 60, absencePercent: 60, inactiveDays: 3 },
    });
    const { rows } = await getAtRiskStudents(actorOf(s.deptAdmin), { courseId: s.course.id }, NOW);
    expect(rows.map((row) => [row.studentId, row.reasons.map((r) => r.code)]).sort()).toEqual(
      [
        [s.student.id, ["inactive"]],
        [s.student2.id, ["inactive"]],
      ].sort(),
    );
    await db.atRiskRule.delete({ where: { departmentId: s.dept.id } });
  });
});

describe("getCompetencyView", () => {
  it("rolls objectives and question tags up to the department's competencies", async () => {
    const competency = await db.competency.create({ data: { departmentId: s.dept.id, code: "CV", name: "心血管系统疾病", position: 0, tags: ["系统:心血管"] } });
    await db.competency.create({ data: { departmentId: s.dept.id, code: "RS", name: "呼吸系统疾病", position: 1, tags: ["系统:呼吸"] } });
    const objective = await db.courseObjective.create({ data: { courseId: s.course.id, position: 0, text: "掌握心脏听诊" } });
    await db.objectiveCompetency.create({ data: { objectiveId: objective.id, competencyId: competency.id } });
    const view = await getCompetencyView(actorOf(s.teacher), { courseId: s.course.id });
    // Every attempt's answers to q1 and q2: (0 + 1 + 1 + 1 + 0 + 1) + (0.8 + 0.6 + 0 + 0.8 + 0.6 + 0.4) over 12.
    expect(view.competencies.map((c) => [c.code, c.objectives, c.questions, c.answered, c.attainment])).toEqual([
      ["CV", 1, 2, 12, expect.closeTo(0.6, 10)],
      ["RS", 0, 0, 0, null],
    ]);
    expect(view.unmappedTags).toEqual([{ tag: "学科:诊断学", questions: 1 }]);
    expect(view.objectives).toEqual([{ id: objective.id, position: 0, text: "掌握心脏听诊", competencyIds: [competency.id] }]);
  });
});

describe("getItemAnalysis", () => {
  it("analyses each student's first marked attempt, with option counts", async () => {
    const analysis = await getItemAnalysis(actorOf(s.teacher), s.quizzes[0].id);
    expect(analysis.analysedAttempts).toBe(2);
    const [q1, q2] = analysis.items;
    expect(q1).toMatchObject({ itemId: s.questions[0].id, position: 0, type: "SINGLE", n: 2, difficulty: 0.5, upperLower: null });
    expect(q1.options.map((o) => [o.key, o.correct, o.count])).toEqual([
      ["A", true, 1],
      ["B", false, 1],
    ]);
    expect(q1.optionTexts).toEqual({ A: "二尖瓣狭窄", B: "二尖瓣关闭不全" });
    expect(q2).toMatchObject({ type: "TRUE_FALSE", n: 2 });
  });
});
