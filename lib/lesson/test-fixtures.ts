// Builders shared by the lesson tests (not imported by the app).
import type { CreateLessonInput } from "./schemas";

/** New objectives (without ids). */
export const texts = (...items: string[]) => items.map((text) => ({ text }));

export const lessonInput = (courseId: string, overrides: Partial<CreateLessonInput> = {}): CreateLessonInput => ({
  courseId,
  title: "绪论与问诊概述",
  date: "2026-09-07",
  startTime: "08:00",
  endTime: "09:40",
  room: "临床技能中心 201",
  summary: "课前请阅读预习材料。",
  objectives: texts("了解诊断学的内容", "掌握问诊的基本方法"),
  ...overrides,
});
