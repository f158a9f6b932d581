import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/errors";
import { UpdateCourseIntroFormSchema, weightsAreComplete } from "./schemas";

// What the intro and lesson forms post: every value is text, lists are JSON in one hidden field.
const introForm = (overrides: Record<string, string> = {}) => ({
  courseId: "c1",
  description: "简介",
  syllabus: "# 大纲",
  credits: "3.5",
  hours: "54",
  objectives: JSON.stringify(["掌握问诊"]),
  assessments: JSON.stringify([{ name: "期末", weight: 100, description: "" }]),
  $ACTION_ID_abc: "",
  ...overrides,
});

const errorsOf = (result: { success: boolean; error?: Parameters<typeof fieldErrorsOf>[0] }) =>
  result.error ? fieldErrorsOf(result.error) : {};

describe("UpdateCourseIntroFormSchema", () => {
  it("turns the form's text into the domain input", () => {
    expect(UpdateCourseIntroFormSchema.parse(introForm())).toEqual({
      courseId: "c1",
      description: "简介",
      syllabus: "# 大纲",
      credits: 3.5,
      hours: 54,
      objectives: ["掌握问诊"],
      assessments: [{ name: "期末", weight: 100, description: "" }],
    });
  });

  it("reads blank numbers as not set", () => {
    expect(UpdateCourseIntroFormSchema.parse(introForm({ credits: "", hours: "  " }))).toMatchObject({ credits: null, hours: null });
  });

  it.each([
    ["text as credits", { credits: "三" }, { credits: ["validation.invalid"] }],
    ["fractional hours", { hours: "1.5" }, { hours: ["validation.invalid"] }],
    ["broken JSON", { objectives: "[不是 JSON" }, { objectives: ["validation.invalid"] }],
    ["a blank weight", { assessments: JSON.stringify([{ name: "期末", weight: null }]) }, { "assessments.0.weight": ["validation.required"] }],
    ["a weight over 100", { assessments: JSON.stringify([{ name: "期末", weight: 120 }]) }, { "assessments.0.weight": ["validation.too_big"] }],
    ["a blank objective", { objectives: JSON.stringify(["", "好"]) }, { "objectives.0": ["validation.required"] }],
  ])("reports %s as a field error", (_case, overrides, expected) => {
    expect(errorsOf(UpdateCourseIntroFormSchema.safeParse(introForm(overrides)))).toEqual(expected);
  });
});

describe("weightsAreComplete", () => {
  it("wants exactly 100, or no scheme at all", () => {
    expect(weightsAreComplete([])).toBe(true);
    expect(weightsAreComplete([{ weight: 40 }, { weight: 60 }])).toBe(true);
    expect(weightsAreComplete([{ weight: 40 }, { weight: 59 }])).toBe(false);
    expect(weightsAreComplete([{ weight: 0 }])).toBe(false);
  });
});
