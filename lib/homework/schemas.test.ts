import { describe, expect, it } from "vitest";
import { formToObject } from "@/lib/action";
import { GradeSubmissionFormSchema, SaveHomeworkFormSchema } from "./schemas";

const formOf = (entries: [string, string][]) => {
  const form = new FormData();
  for (const [key, value] of entries) form.append(key, value);
  return formToObject(form);
};

describe("SaveHomeworkFormSchema", () => {
  const base: [string, string][] = [
    ["courseId", "c1"],
    ["homeworkId", ""],
    ["title", " 病例分析 "],
    ["instructions", "  缩进保留"],
    ["lessonId", ""],
    ["assessmentItemId", ""],
    ["dueAt", "2026-10-08T23:59"],
    ["allowText", "on"],
    ["fileTypes[]", "pdf"],
    ["maxFiles", "3"],
    ["maxFileMb", "10"],
    ["latePolicy", "DEDUCT"],
    ["lateRate", "10"],
    ["lateInterval", "DAY"],
    ["lateMaxDeduction", ""],
    ["lateFloor", "60"],
    ["points", "100"],
    ["rubric", "null"],
  ];

  it("reads the editor's fields: checkboxes, blanks, one file type, the rubric switched off", () => {
    expect(SaveHomeworkFormSchema.parse(formOf(base))).toMatchObject({
      courseId: "c1",
      homeworkId: undefined,
      title: "病例分析",
      instructions: "  缩进保留",
      lessonId: null,
      assessmentItemId: null,
      allowText: true,
      allowFiles: false,
      fileTypes: ["pdf"],
      maxFiles: 3,
      lateRate: 10,
      lateMaxDeduction: null,
      lateFloor: 60,
      points: 100,
      rubric: null,
    });
  });

  it("reads a posted rubric and reports a bad one by field", () => {
    const rubric = JSON.stringify([{ title: "病史", levels: [{ title: "好", points: 10 }, { title: "差", points: 0 }] }]);
    const parsed = SaveHomeworkFormSchema.parse(formOf([...base.filter(([key]) => key !== "rubric"), ["rubric", rubric]]));
    expect(parsed.rubric).toEqual([{ title: "病史", levels: [{ title: "好", description: "", points: 10 }, { title: "差", description: "", points: 0 }] }]);
    const bad = SaveHomeworkFormSchema.safeParse(formOf([...base.filter(([key]) => key !== "rubric"), ["rubric", JSON.stringify([{ title: "", levels: [] }])]]));
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((issue) => issue.path.join("."))).toEqual(expect.arrayContaining(["rubric.0.title", "rubric.0.levels"]));
  });

  it("reads the rubric as the shared editor (components/rubric/rubric-editor.tsx) posts it: kinds, ids, descriptions", () => {
    const level = (id: string, title: string, points: number) => ({ id, title, description: "", points });
    const rubric = JSON.stringify([{ kind: "levels", id: "cab12", title: "病史", description: "", levels: [level("l1", "好", 10), level("l2", "差", 0)] }]);
    const parsed = SaveHomeworkFormSchema.parse(formOf([...base.filter(([key]) => key !== "rubric"), ["rubric", rubric]]));
    expect(parsed.rubric).toEqual([{ id: "cab12", title: "病史", levels: [level("l1", "好", 10), level("l2", "差", 0)] }]);
  });
});

describe("GradeSubmissionFormSchema", () => {
  it("collects one level per criterion from the radio groups", () => {
    expect(
      GradeSubmissionFormSchema.parse(formOf([["submissionId", "s1"], ["rubric", "true"], ["level.history", "history-a"], ["level.plan", "plan-b"], ["feedback", "好"]])),
    ).toEqual({ submissionId: "s1", rubricLevels: { history: "history-a", plan: "plan-b" }, criterionComments: {}, points: null, feedback: "好" });
  });

  it("reads points when there is no rubric", () => {
    expect(GradeSubmissionFormSchema.parse(formOf([["submissionId", "s1"], ["rubric", "false"], ["points", "87.5"], ["feedback", ""]]))).toMatchObject({
      rubricLevels: null,
      points: 87.5,
    });
  });
});
