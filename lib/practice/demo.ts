import type { PrismaClient } from "@/generated/prisma/client";
import { seededRandom } from "@/lib/demo/seed";
import { shanghaiDayRange } from "@/lib/lesson/phase";
import { QuestionContentSchema, type QuestionResponse } from "@/lib/qbank/question-shapes";
import { isObjectiveType } from "./question-pool";
import { type PracticeQuestionRow, practiceQuestionSelect } from "./question-view";
import { savePracticeAnswer } from "./save-practice-answer";

const DAY_MS = 86_400_000;
const COURSE_CODE = "MED2101";
const DEMO_STUDENT_NOS = ["2023010101", "2023010102", "2023010103", "2023010104", "2023010105"];
/** The last days before today the demo students practised on, and how likely they were to on each. */
const DAYS_BACK = 6;
const PRACTISE_RATE = 0.7;
const RIGHT_RATE = 0.6;

/**
 * Practice history for the first five students of 诊断学 (MED2101) over the last week, stored the way real answers
 * are (PracticeAnswer, the mistake book's Leitner steps, streak points), so that their mistake books have items due
 * today and weak tags. Uses the course's own question bank and does nothing without one (the bank's demo seeds it).
 * Deterministic for a given `now`.
 */
export async function seedDemoPractice(prisma: PrismaClient, now = new Date()): Promise<{ answers: number; mistakes: number }> {
  const course = await prisma.course.findFirst({ where: { code: COURSE_CODE }, orderBy: { createdAt: "desc" }, select: { id: true } });
  if (!course) return { answers: 0, mistakes: 0 };
  const bank = (
    await prisma.question.findMany({ where: { courseId: course.id, archived: false }, orderBy: { createdAt: "asc" }, select: practiceQuestionSelect })
  ).filter((question) => isObjectiveType(question.type));
  if (!bank.length) return { answers: 0, mistakes: 0 };
  const students = await prisma.courseMember.findMany({
    where: { courseId: course.id, role: "STUDENT", user: { no: { in: DEMO_STUDENT_NOS } } },
    orderBy: { user: { no: "asc" } },
    select: { userId: true },
  });

  const random = seededRandom(20260915);
  const today = shanghaiDayRange(now).start.getTime();
  let answers = 0;
  for (const { userId } of students) {
    for (let back = DAYS_BACK; back >= 1; back--) {
      if (random() > PRACTISE_RATE) continue;
      const count = 3 + Math.floor(random() * 4);
      for (let i = 0; i < count; i++) {
        const question = bank[Math.floor(random() * bank.length)];
        // Evenings from 19:00 Shanghai, in order.
        const answeredAt = new Date(today - back * DAY_MS + (19 + i * 0.5 + random() * 0.4) * 3600_000);
        const response = responseFor(question, random() < RIGHT_RATE, random);
        if (!response) continue;
        await prisma.$transaction((tx) => savePracticeAnswer(tx, { userId, courseId: course.id, question, response, source: "PRACTICE", now: answeredAt }));
        answers += 1;
      }
    }
  }
  const mistakes = await prisma.mistakeItem.count({ where: { courseId: course.id, userId: { in: students.map((s) => s.userId) } } });
  return { answers, mistakes };
}

/** A right answer from the key, or a plausible wrong one; null for a question whose key does not parse. */
function responseFor(question: PracticeQuestionRow, right: boolean, random: () => number): QuestionResponse | null {
  const content = QuestionContentSchema.safeParse({ type: question.type, options: question.options, answer: question.answer });
  if (!content.success) return null;
  const q = content.data;
  switch (q.type) {
    case "SINGLE":
    case "MULTIPLE": {
      if (right) return q.answer;
      const wrongKeys = q.options.map((option) => option.key).filter((key) => !q.answer.includes(key));
      return wrongKeys.length ? [wrongKeys[Math.floor(random() * wrongKeys.length)]] : null;
    }
    case "TRUE_FALSE":
      return [right ? q.answer[0] : !q.answer[0]];
    case "FILL_IN":
      return q.answer.map((accepted) => (right ? accepted[0] : "不确定"));
    case "SHORT_ANSWER":
      return null;
  }
}
