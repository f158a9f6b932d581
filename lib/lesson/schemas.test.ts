import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/errors";
import { CreateLessonFormSchema } from "./schemas";

const errorsOf = (result: { success: boolean; error?: Parameters<typeof fieldErrorsOf>[0] }) =>
  result.error ? fieldErrorsOf(result.error) : {};

describe("CreateLessonFormSchema", () => {
  const lessonForm = (overrides: Record<string, string> = {}) => ({
    courseId: "c1",
    title: "  绪论 ",
    date: "2026-09-07",
    startTime: "08:00",
    endTime: "09:40",
    room: "",
    summary: "",
    objectives: JSON.stringify([{ id: "o1", text: " 了解诊断学 " }, { text: "新目标" }]),
    ...overrides,
  });

  it("parses the lesson form", () => {
    expect(CreateLessonFormSchema.parse(lessonForm())).toEqual({
      courseId: "c1",
      title: "绪论",
      date: "2026-09-07",
      startTime: "08:00",
      endTime: "09:40",
      room: "",
      summary: "",
      objectives: [{ id: "o1", text: "了解诊断学" }, { text: "新目标" }],
    });
  });

  it.each([
    ["a missing date", { date: "" }, { date: ["validation.required"] }],
    ["an impossible date", { date: "2026-02-30" }, { date: ["validation.invalid_format"] }],
    ["a malformed time", { startTime: "8:00" }, { startTime: ["validation.invalid_format"] }],
    ["a missing end time", { endTime: "" }, { endTime: ["validation.required"] }],
    ["a blank objective", { objectives: JSON.stringify([{ text: "" }]) }, { "objectives.0.text": ["validation.required"] }],
  ])("reports %s as a field error", (_case, overrides, expected) => {
    expect(errorsOf(CreateLessonFormSchema.safeParse(lessonForm(overrides)))).toEqual(expected);
  });
});
