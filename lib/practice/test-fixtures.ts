// Builders shared by the practice and mistake-book tests (not imported by the app).
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { toErrorResult } from "@/lib/errors";

const options = () => ["A", "B", "C", "D"].map((key, i) => ({ key, text: `选项${i + 1}` }));

type Sample = Omit<Prisma.QuestionUncheckedCreateInput, "courseId">;

export const QUESTION_SAMPLES = {
  SINGLE: () => ({ type: "SINGLE", stem: "心尖部舒张期隆隆样杂音最常见于", options: options(), answer: ["B"] }),
  MULTIPLE: () => ({ type: "MULTIPLE", stem: "可引起第一心音增强的有", options: options(), answer: ["A", "C"], partialCredit: "HALF_FOR_SUBSET" }),
  TRUE_FALSE: () => ({ type: "TRUE_FALSE", stem: "第二心音标志心室舒张期开始。", answer: [true] }),
  FILL_IN: () => ({ type: "FILL_IN", stem: "二尖瓣狭窄的典型杂音位于____区，出现在____期。", answer: [["心尖", "二尖瓣"], ["舒张"]] }),
  SHORT_ANSWER: () => ({ type: "SHORT_ANSWER", stem: "简述心脏听诊的顺序。", answer: [] }),
} satisfies Record<string, () => Sample>;

export type SampleType = keyof typeof QUESTION_SAMPLES;

export async function makeQuestion(courseId: string, type: SampleType = "SINGLE", overrides: Partial<Prisma.QuestionUncheckedCreateInput> = {}) {
  const sample: Sample = QUESTION_SAMPLES[type]();
  return db.question.create({ data: { ...sample, explanation: `解析：${type}`, tags: ["系统:心血管"], courseId, ...overrides } });
}

/** The code a domain call fails with (or throws when it does not fail). */
export async function failureOf(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    return toErrorResult(error);
  }
  throw new Error("expected a failure");
}

/** An instant given as Asia/Shanghai wall-clock time, e.g. at("2026-09-10 23:59"). */
export const at = (local: string): Date => new Date(`${local.replace(" ", "T")}:00+08:00`);
