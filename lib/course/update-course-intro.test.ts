import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { actorOf, makeCourse, makeSchool } from "@/tests/factories";
import type { UpdateCourseIntroInput } from "./schemas";
import { updateCourseIntro } from "./update-course-intro";

const SCHEME = [
  { name: "平时成绩", weight: 30, description: "课前反馈与课堂参与" },
  { name: "期末考试", weight: 70, description: "" },
];

const introOf = (courseId: string, overrides: Partial<UpdateCourseIntroInput> = {}): UpdateCourseIntroInput => ({
  courseId,
  description: "  诊断学是连接基础医学与临床医学的桥梁课程。 ",
  syllabus: "# 教学大纲\n\n    缩进的代码块\n",
  credits: 3.5,
  hours: 54,
  objectives: ["掌握问诊", "掌握体格检查", "熟悉实验室检查"],
  assessments: SCHEME,
  ...overrides,
});

function readIntro(courseId: string) {
  return db.course.findUniqueOrThrow({
    where: { id: courseId },
    select: {
      description: true,
      syllabus: true,
      credits: true,
      hours: true,
      objectives: { orderBy: { position: "asc" }, select: { position: true, text: true } },
      assessments: { orderBy: { position: "asc" }, select: { position: true, name: true, weight: true, description: true } },
    },
  });
}

describe("updateCourseIntro", () => {
  it("saves the fields, objectives and scheme in order", async () => {
    const s = await makeSchool();
    await expect(updateCourseIntro(actorOf(s.teacher), introOf(s.course.id))).resolves.toEqual({ courseId: s.course.id });
    expect(await readIntro(s.course.id)).toEqual({
      description: "诊断学是连接基础医学与临床医学的桥梁课程。",
      syllabus: "# 教学大纲\n\n    缩进的代码块\n",
      credits: 3.5,
      hours: 54,
      objectives: [
        { position: 0, text: "掌握问诊" },
        { position: 1, text: "掌握体格检查" },
        { position: 2, text: "熟悉实验室检查" },
      ],
      assessments: [
        { position: 0, name: "平时成绩", weight: 30, description: "课前反馈与课堂参与" },
        { position: 1, name: "期末考试", weight: 70, description: "" },
      ],
    });
  });

  it("replaces the objectives and scheme as a whole and clears optional numbers", async () => {
    const s = await makeSchool();
    const teacher = actorOf(s.teacher);
    await updateCourseIntro(teacher, introOf(s.course.id));
    await updateCourseIntro(
      teacher,
      introOf(s.course.id, {
        credits: null,
        hours: null,
        objectives: ["熟悉实验室检查", "掌握问诊"],
        assessments: [{ name: "期末考试", weight: 100 }],
      }),
    );
    const intro = await readIntro(s.course.id);
    expect(intro.credits).toBeNull();
    expect(intro.hours).toBeNull();
    expect(intro.objectives).toEqual([
      { position: 0, text: "熟悉实验室检查" },
      { position: 1, text: "掌握问诊" },
    ]);
    expect(intro.assessments).toEqual([{ position: 0, name: "期末考试", weight: 100, description: "" }]);
    expect(await db.courseObjective.count({ where: { courseId: s.course.id } })).toBe(2);
  });

  it("keeps scheme items by id, so the quizzes counted towards them stay counted; another course's id makes a new item", async () => {
    const s = await makeSchool();
    const teacher = actorOf(s.teacher);
    await updateCourseIntro(teacher, introOf(s.course.id, { assessments: [{ name: "平时测验", weight: 40 }, { name: "期末考试", weight: 60 }] }));
    const [quizzes, final] = await db.assessmentItem.findMany({ where: { courseId: s.course.id }, orderBy: { position: "asc" } });
    const quiz = await db.quiz.create({ data: { courseId: s.course.id, title: "小测", assessmentItemId: quizzes.id } });
    const otherCourse = await makeCourse(s.otherDept.id);
    const elsewhere = await db.assessmentItem.create({ data: { courseId: otherCourse.id, position: 0, name: "别处", weight: 100 } });
    await updateCourseIntro(
      teacher,
      introOf(s.course.id, {
        assessments: [
          { id: final.id, name: "期末考试", weight: 50 },
          { id: quizzes.id, name: "课后测验", weight: 30 },
          { id: elsewhere.id, name: "实验报告", weight: 20 },
        ],
      }),
    );
    const items = await db.assessmentItem.findMany({ where: { courseId: s.course.id }, orderBy: { position: "asc" } });
    expect(items.map((item) => [item.name, item.weight])).toEqual([["期末考试", 50], ["课后测验", 30], ["实验报告", 20]]);
    expect(items.slice(0, 2).map((item) => item.id)).toEqual([final.id, quizzes.id]);
    expect(items[2].id).not.toBe(elsewhere.id);
    expect(await db.quiz.findUniqueOrThrow({ where: { id: quiz.id } })).toMatchObject({ assessmentItemId: quizzes.id });
    expect(await db.assessmentItem.findUniqueOrThrow({ where: { id: elsewhere.id } })).toMatchObject({ courseId: otherCourse.id, name: "别处" });
  });

  it("accepts an empty scheme (not defined yet)", async () => {
    const s = await makeSchool();
    await updateCourseIntro(actorOf(s.teacher), introOf(s.course.id, { assessments: [] }));
    expect((await readIntro(s.course.id)).assessments).toEqual([]);
  });

  it.each([
    ["below 100", [{ name: "期末考试", weight: 99 }]],
    ["above 100", [{ name: "平时", weight: 40 }, { name: "期末", weight: 70 }]],
    ["all zero", [{ name: "平时", weight: 0 }]],
  ])("rejects weights %s and changes nothing", async (_case, assessments) => {
    const s = await makeSchool();
    const teacher = actorOf(s.teacher);
    await updateCourseIntro(teacher, introOf(s.course.id));
    const before = await readIntro(s.course.id);
    await expect(
      updateCourseIntro(teacher, introOf(s.course.id, { description: "新的简介", objectives: ["新目标"], assessments })),
    ).rejects.toMatchObject({ code: "course.weights_not_100" });
    expect(await readIntro(s.course.id)).toEqual(before);
  });

  const long = (n: number) => "字".repeat(n);
  it.each<[string, Partial<UpdateCourseIntroInput>, string]>([
    ["description over 2000", { description: long(2001) }, "description"],
    ["syllabus over 50,000", { syllabus: long(50_001) }, "syllabus"],
    ["31 objectives", { objectives: Array.from({ length: 31 }, (_, i) => `目标${i}`) }, "objectives"],
    ["an objective over 500", { objectives: ["掌握问诊", long(501)] }, "objectives.1"],
    ["a blank objective", { objectives: ["   "] }, "objectives.0"],
    ["13 scheme items", { assessments: Array.from({ length: 13 }, (_, i) => ({ name: `项${i}`, weight: i === 0 ? 100 : 0 })) }, "assessments"],
    ["an item name over 50", { assessments: [{ name: long(51), weight: 100 }] }, "assessments.0.name"],
    ["a blank item name", { assessments: [{ name: " ", weight: 100 }] }, "assessments.0.name"],
    ["a weight over 100", { assessments: [{ name: "期末", weight: 101 }] }, "assessments.0.weight"],
    ["a negative weight", { assessments: [{ name: "期末", weight: -10 }, { name: "平时", weight: 110 }] }, "assessments.0.weight"],
    ["a fractional weight", { assessments: [{ name: "期末", weight: 99.5 }, { name: "平时", weight: 0.5 }] }, "assessments.0.weight"],
    ["an item description over 200", { assessments: [{ name: "期末", weight: 100, description: long(201) }] }, "assessments.0.description"],
    ["negative credits", { credits: -1 }, "credits"],
    ["fractional hours", { hours: 1.5 }, "hours"],
  ])("rejects %s and changes nothing", async (_case, overrides, field) => {
    const s = await makeSchool();
    const before = await readIntro(s.course.id);
    const error = await updateCourseIntro(actorOf(s.teacher), introOf(s.course.id, overrides)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((issue) => issue.path.join("."))).toContain(field);
    expect(await readIntro(s.course.id)).toEqual(before);
  });

  it("rolls back the course fields and objectives when writing the scheme fails", async () => {
    const s = await makeSchool();
    const teacher = actorOf(s.teacher);
    await updateCourseIntro(teacher, introOf(s.course.id));
    const before = await readIntro(s.course.id);
    // PostgreSQL refuses NUL in text, so the last statement of the transaction fails.
    await expect(
      updateCourseIntro(
        teacher,
        introOf(s.course.id, { description: "改过的简介", objectives: ["只剩一个"], assessments: [{ name: "期末\u0000", weight: 100 }] }),
      ),
    ).rejects.toThrow();
    expect(await readIntro(s.course.id)).toEqual(before);
  });

  describe("authorization", () => {
    it.each([
      ["the course teacher", "teacher", "allowed"],
      ["an admin", "admin", "allowed"],
      ["the course assistant", "assistant", "auth.forbidden"],
      ["the department admin", "deptAdmin", "auth.forbidden"],
      ["an enrolled student", "student", "auth.forbidden"],
      ["another teacher", "otherTeacher", "not_found"],
      ["another department's admin", "otherDeptAdmin", "not_found"],
      ["a student outside the course", "outsider", "not_found"],
    ] as const)("%s → %s", async (_who, key, code) => {
      const s = await makeSchool();
      const run = updateCourseIntro(actorOf(s[key]), introOf(s.course.id, { description: "由他人修改" }));
      if (code === "allowed") {
        await run;
        expect((await readIntro(s.course.id)).description).toBe("由他人修改");
      } else {
        await expect(run).rejects.toMatchObject({ code });
        expect((await readIntro(s.course.id)).description).toBe("");
      }
    });

    it("reports a course that does not exist as not_found", async () => {
      const s = await makeSchool();
      await expect(updateCourseIntro(actorOf(s.admin), introOf("no-such-course"))).rejects.toMatchObject({ code: "not_found" });
    });
  });
});
