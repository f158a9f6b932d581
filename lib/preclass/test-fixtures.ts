// Builders shared by the pre-class tests (not imported by the app).
import { db } from "@/lib/db";
import { toErrorResult } from "@/lib/errors";
import type { ClinicalCaseInput } from "./schemas";

const HOUR = 3600_000;

/** A lesson a week from now with the given objectives. */
export async function makeLesson(courseId: string, objectives: string[] = ["理解心音的产生机制", "掌握心脏听诊的顺序与部位"]) {
  const startsAt = new Date(Date.now() + 7 * 24 * HOUR);
  return db.lesson.create({
    data: {
      courseId,
      position: 0,
      title: "心脏检查：心音与杂音",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
      objectives: { create: objectives.map((text, position) => ({ text, position })) },
    },
    include: { objectives: { orderBy: { position: "asc" } } },
  });
}

export const sampleCase = (overrides: Partial<ClinicalCaseInput> = {}): ClinicalCaseInput => ({
  title: "活动后胸闷气促 2 月",
  deidentified: true,
  stages: [
    { title: "主诉与现病史", content: "58岁男性，活动后胸闷气促2月。", question: "你首先考虑哪些疾病？" },
    { title: "体格检查", content: "心尖部可闻及 3/6 级收缩期吹风样杂音。", question: "该杂音提示什么？" },
    { title: "辅助检查", content: "超声心动图：二尖瓣反流（中度）。", question: "" },
    { title: "诊断与治疗", content: "诊断：二尖瓣关闭不全。", question: "治疗原则是什么？" },
  ],
  ...overrides,
});

type Window = "open" | "not_open" | "closed";

/** Puts a package straight into a published state with the given window (the domain refuses windows in the past). */
export async function setWindow(lessonId: string, window: Window) {
  const now = Date.now();
  const [opensAt, closesAt] = {
    open: [now - HOUR, now + HOUR],
    not_open: [now + HOUR, now + 2 * HOUR],
    closed: [now - 2 * HOUR, now - HOUR],
  }[window].map((ms) => new Date(ms));
  return db.preClassPackage.upsert({
    where: { lessonId },
    create: { lessonId, status: "PUBLISHED", opensAt, closesAt, publishedAt: opensAt },
    update: { status: "PUBLISHED", opensAt, closesAt, publishedAt: opensAt },
  });
}

/** The smallest files whose first bytes say what they are. */
export const FILES = {
  pdf: new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"),
  png: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  jpeg: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]),
  webp: new TextEncoder().encode("RIFF\x24\x00\x00\x00WEBPVP8 "),
  html: new TextEncoder().encode("<html><script>alert(1)</script></html>"),
} as const;

/** How a failure reaches the user (code and field errors), whether the domain threw an AppError or a ZodError. */
export async function failureOf(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    return toErrorResult(error);
  }
  throw new Error("expected the call to fail");
}
