import { describe, expect, it } from "vitest";
import { formToObject } from "@/lib/action";
import { SavePeerReviewFormSchema } from "./schemas";

const formOf = (entries: [string, string][]) => {
  const form = new FormData();
  for (const [key, value] of entries) form.append(key, value);
  return formToObject(form);
};

// What the setup form posts for a new activity with no lesson, no gradebook item and no dates.
const RUBRIC = [
  { kind: "levels", id: "c1", title: "诊断思路", description: "", levels: [{ id: "l1", title: "待改进", description: "", points: 0 }, { id: "l2", title: "优秀", description: "", points: 2 }] },
  { kind: "comment", id: "c2", title: "改进建议", description: "" },
];
const base: [string, string][] = [
  ["courseId", "course1"],
  ["title", " 病例分析互评 "],
  ["instructions", "  缩进保留"],
  ["lessonId", ""],
  ["assessmentItemId", ""],
  ["submissionOpensAt", ""],
  ["submissionClosesAt", ""],
  ["assessmentClosesAt", ""],
  ["autoSwitch", "on"],
  ["reviewsPerSubmission", "2"],
  ["anonymity", "DOUBLE_BLIND"],
  ["aggregation", "MEDIAN_FROM_4"],
  ["submissionWeight", "80"],
  ["rubric", JSON.stringify(RUBRIC)],
  ["calibrationRequired", "on"],
  ["calibrationThreshold", "60"],
  ["allowText", "on"],
  ["fileTypes", "pdf"],
  ["fileTypes", "png"],
  ["maxFiles", "3"],
];

describe("SavePeerReviewFormSchema", () => {
  it("reads the setup form's fields: the empty lesson and gradebook options, blanks, checkboxes, the rubric as JSON", () => {
    expect(SavePeerReviewFormSchema.parse(formOf(base))).toMatchObject({
      courseId: "course1",
      activityId: undefined,
      title: "病例分析互评",
      instructions: "  缩进保留",
      lessonId: null,
      assessmentItemId: null,
      submissionOpensAt: null,
      autoSwitch: true,
      selfAssessment: false,
      reviewsPerSubmission: 2,
      submissionWeight: 80,
      rubric: RUBRIC,
      calibrationRequired: true,
      calibrationThreshold: 60,
      allowFiles: false,
      fileTypes: ["pdf", "png"],
      maxFiles: 3,
    });
  });

  it("keeps a picked lesson and gradebook item", () => {
    const picked = base.map(([key, value]): [string, string] => (key === "lessonId" ? [key, "lesson1"] : key === "assessmentItemId" ? [key, "item1"] : [key, value]));
    expect(SavePeerReviewFormSchema.parse(formOf(picked))).toMatchObject({ lessonId: "lesson1", assessmentItemId: "item1" });
  });
});
