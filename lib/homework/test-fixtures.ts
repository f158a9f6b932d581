// Builders shared by the homework and gradebook tests (not imported by the app).
import { db } from "@/lib/db";
import { localValueOf } from "@/lib/preclass/local-datetime";
import type { SaveHomeworkInput } from "./schemas";

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

/** A whole minute, so that the datetime-local round trip (minutes) keeps it exactly. */
export const wholeMinute = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000);

export const homeworkInput = (courseId: string, overrides: Partial<SaveHomeworkInput> = {}): SaveHomeworkInput => ({
  courseId,
  title: "病例分析：胸痛待查",
  instructions: "阅读病例，写出**诊断思路**。",
  dueAt: localValueOf(wholeMinute(Date.now() + 2 * DAY)),
  allowText: true,
  allowFiles: true,
  fileTypes: ["pdf", "png", "docx"],
  maxFiles: 2,
  maxFileMb: 1,
  latePolicy: "DEDUCT",
  lateRate: 10,
  lateInterval: "DAY",
  lateMaxDeduction: 50,
  lateFloor: null,
  points: 100,
  rubric: null,
  lessonId: null,
  assessmentItemId: null,
  ...overrides,
});

export const RUBRIC = [
  {
    title: "病史归纳",
    levels: [
      { title: "优秀", description: "完整准确", points: 30 },
      { title: "一般", description: "有遗漏", points: 15 },
      { title: "不足", description: "", points: 0 },
    ],
  },
  {
    title: "诊断与鉴别诊断",
    levels: [
      { title: "优秀", description: "", points: 40 },
      { title: "一般", description: "", points: 20 },
    ],
  },
  {
    title: "诊疗计划",
    levels: [
      { title: "优秀", description: "", points: 30 },
      { title: "一般", description: "", points: 10 },
    ],
  },
];

/** Moves a homework's due time directly (the domain refuses publishing with a due time in the past). */
export const setDue = (homeworkId: string, dueAt: Date) => db.homework.update({ where: { id: homeworkId }, data: { dueAt } });
