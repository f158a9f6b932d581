import { beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "@/tests/factories";
import { getClassDashboard, getDepartmentDashboard } from "./department-dashboard";
import { NOW, TERM, makeAnalyticsSchool } from "./test-fixtures";

let s: Awaited<ReturnType<typeof makeAnalyticsSchool>>;
beforeAll(async () => {
  s = await makeAnalyticsSchool();
});

describe("getDepartmentDashboard", () => {
  it("computes every measure of a course from the stored activity", async () => {
    const dashboard = await getDepartmentDashboard(actorOf(s.deptAdmin), { term: TERM }, NOW);
    expect(dashboard.courses.map((c) => c.courseId)).toEqual([s.course.id]);
    const course = dashboard.courses[0];
    expect(course).toMatchObject({
      students: 2,
      preClassRate: 0.75,
      signInRate: 0.75,
      participationRate: 0.5,
      quizAverage: 57.5,
      quizPassRate: 0.5,
      quizResults: 4,
      homeworkOnTimeRate: 0.5,
      homeworkSubmitted: 2,
      evaluationMean: 4,
      evaluationResponses: 5,
      bindingRate: 0.5,
      deliveryRate: 2 / 3,
      pushes: 3,
    });
    expect(dashboard.total).toMatchObject({ students: 2, preClassRate: 0.75, quizAverage: 57.5 });
  });

  it("gives the trend by week of term", async () => {
    const { trend } = await getDepartmentDashboard(actorOf(s.deptAdmin), { term: TERM }, NOW);
    const week = (n: number) => trend.find((row) => row.week === n);
    expect(week(1)).toMatchObject({ preClassRate: 1, signInRate: 0.5, participationRate: 0.5, quizAverage: 65, deliveryRate: 2 / 3 });
    expect(week(2)).toMatchObject({ preClassRate: 0.5, signInRate: 1, participationRate: null, quizAverage: 50, homeworkOnTimeRate: 0.5 });
  });

  it("narrows the population to a class, and offers only what is in scope", async () => {
    const dashboard = await getDepartmentDashboard(actorOf(s.deptAdmin), { classId: s.cls.id }, NOW);
    expect(dashboard.courses.map((c) => c.courseId)).toEqual([s.course.id]);
    expect(dashboard.options.courses.map((c) => c.id)).toEqual([s.course.id]);
    expect(dashboard.options.departments.map((d) => d.id)).toEqual([s.dept.id]);
    expect(dashboard.options.classes.map((c) => c.id)).toEqual([s.cls.id]);
    const admin = await getDepartmentDashboard(actorOf(s.admin), { classId: s.cls.id }, NOW);
    expect(admin.courses.map((c) => c.courseId).sort()).toEqual([s.course.id, s.otherCourse.id].sort());
  });

  it("shows a class across its courses", async () => {
    const dashboard = await getClassDashboard(actorOf(s.deptAdmin), s.cls.id, {}, NOW);
    expect(dashboard.class.id).toBe(s.cls.id);
    expect(dashboard.courses.map((c) => c.courseId)).toEqual([s.course.id]);
    expect(dashboard.total.students).toBe(2);
  });
});
