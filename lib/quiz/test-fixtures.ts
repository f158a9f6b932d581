// Builders shared by the quiz tests (not imported by the app). Questions are written straight to the bank table so
// that these tests do not depend on the question-bank editor.
import type { Prisma, QuestionType } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { toErrorResult } from "@/lib/errors";
import type { makeSchool } from "@/tests/factories";
import { actorOf } from "@/tests/factories";
import { createQuiz } from "./create-quiz";
import { publishQuiz } from "./publish-quiz";
import type { CreateQuizInput, QuizDrawInput } from "./schemas";
import { setQuizItems } from "./set-quiz-items";

export type School = Awaited<ReturnType<typeof makeSchool>>;

export const HOUR = 3600_000;

const SAMPLES: Record<QuestionType, Omit<Prisma.QuestionUncheckedCreateInput, "courseId" | "type">> = {
  SINGLE: {
    stem: "心尖部舒张期隆隆样杂音最常见于？",
    options: [
      { key: "A", text: "二尖瓣狭窄" },
      { key: "B", text: "二尖瓣关闭不全" },
      { key: "C", text: "主动脉瓣狭窄" },
      { key: "D", text: "主动脉瓣关闭不全" },
    ],
    answer: ["A"],
    explanation: "KEY-EXPLANATION 二尖瓣狭窄时血流在舒张期通过狭窄的瓣口。",
  },
  MULTIPLE: {
    stem: "可引起心尖部收缩期杂音的有？",
    options: [
      { key: "A", text: "二尖瓣关闭不全" },
      { key: "B", text: "二尖瓣脱垂" },
      { key: "C", text: "主动脉瓣关闭不全" },
      { key: "D", text: "相对性二尖瓣关闭不全" },
    ],
    answer: ["A", "B", "D"],
    partialCredit: "HALF_FOR_SUBSET",
    explanation: "KEY-EXPLANATION 主动脉瓣关闭不全为舒张期杂音。",
  },
  TRUE_FALSE: { stem: "第一心音标志着心室收缩期的开始。", answer: [true], explanation: "KEY-EXPLANATION S1 由房室瓣关闭产生。" },
  FILL_IN: { stem: "二尖瓣听诊区位于____。", answer: [["心尖部", "心尖"]], explanation: "KEY-EXPLANATION 即左锁骨中线第5肋间内侧。" },
  SHORT_ANSWER: {
    stem: "简述心脏听诊的顺序。",
    answer: [],
    referenceAnswer: "KEY-REFERENCE 二尖瓣区→肺动脉瓣区→主动脉瓣区→主动脉瓣第二听诊区→三尖瓣区",
    explanation: "KEY-EXPLANATION 逆时针方向。",
  },
};

export async function makeQuestion(courseId: string, type: QuestionType, data: Partial<Prisma.QuestionUncheckedCreateInput> = {}) {
  return db.question.create({ data: { courseId, type, ...SAMPLES[type], ...data } });
}

/** A quiz in the course with the given questions (1 point each unless said) and draws, published and open now. */
export async function makeQuiz(
  s: School,
  options: {
    questions?: { id: string; points?: number }[];
    draws?: QuizDrawInput[];
    settings?: Partial<CreateQuizInput>;
    publish?: boolean;
  } = {},
) {
  const teacher = actorOf(s.teacher);
  const { quizId } = await createQuiz(teacher, { courseId: s.course.id, title: "第3章 心脏检查 课后测验", review: "IMMEDIATELY", ...options.settings });
  await setQuizItems(teacher, {
    quizId,
    questions: (options.questions ?? []).map((q) => ({ questionId: q.id, points: q.points ?? 1 })),
    draws: options.draws ?? [],
  });
  if (options.publish !== false) await publishQuiz(teacher, { quizId });
  return db.quiz.findUniqueOrThrow({ where: { id: quizId } });
}

/** The quiz's window as given, written directly (the domain refuses windows in the past). */
export async function setQuizWindow(quizId: string, window: { opensAt?: Date | null; closesAt?: Date | null; timeLimitMinutes?: number | null }) {
  return db.quiz.update({ where: { id: quizId }, data: window });
}

/** How a failure reaches the user (code and field errors), whether the domain threw an AppError or a ZodError. */
export async function failureOf(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    return toErrorResult(error);
  }
  throw new Error("expected the call to fail");
}

/** Every key that carries the answer key of a question; none may reach a student before review time. */
export const ANSWER_MARKERS = ["KEY-EXPLANATION", "KEY-REFERENCE", '"answer"', '"explanation"', '"referenceAnswer"', '"correctOptions"', '"correct"'];
