import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/authz";
import { localValueOf } from "@/lib/preclass/local-datetime";
import { type QuestionContent, QuestionContentSchema } from "@/lib/qbank/question-shapes";
import { createQuiz } from "./create-quiz";
import { publishQuiz } from "./publish-quiz";
import { saveAnswer } from "./save-answer";
import { setQuizItems } from "./set-quiz-items";
import { startAttempt } from "./start-attempt";
import { submitAttempt } from "./submit-attempt";

const COURSE_CODE = "MED2101";
const TITLE = "心脏检查课后测验";
/** The demo logins take the quiz themselves; 20 classmates have submitted, so results and item analysis show. */
const DEMO_STUDENT_NOS = new Set(["2023010101", "2023010201"]);
const CLASSMATES = 20;
const QUESTIONS = 8;
const DAY_MS = 86_400_000;

const actorOf = (user: { id: string; no: string; name: string; role: Actor["role"]; departmentId: string | null }): Actor => ({
  ...user,
  mustChangePassword: false,
});

/**
 * A response that is right, or wrong in a plausible way, for a question's type: classmates are right about 70 % of the
 * time (the first student less often), so the results page shows a spread and the item analysis has something to say.
 */
function responseFor(content: QuestionContent, right: boolean): unknown {
  switch (content.type) {
    case "SINGLE":
      return right ? content.answer : [content.options.find((o) => o.key !== content.answer[0])!.key];
    case "MULTIPLE":
      return right ? content.answer : content.answer.slice(0, 1);
    case "TRUE_FALSE":
      return right ? content.answer : [!content.answer[0]];
    case "FILL_IN":
      return content.answer.map((accepted) => (right ? accepted[0] : "不清楚"));
    case "SHORT_ANSWER":
      return ["心尖区舒张期隆隆样杂音提示二尖瓣狭窄，需结合超声心动图确认。"];
  }
}

/**
 * The after-class quiz of 诊断学's most recent past lesson: eight objective questions of the demo bank, answers
 * reviewable right after submitting, open for three more days, and twenty classmates' submitted attempts — made
 * through the same functions students and teachers use, so the attempts are graded and the mistake book and points
 * are filled as they would be. Runs after the bank's demo seed; does nothing without questions or a second run.
 */
export async function seedDemoQuiz(prisma: PrismaClient, now = new Date()): Promise<{ quizzes: number; attempts: number }> {
  const course = await prisma.course.findFirst({
    where: { code: COURSE_CODE },
    select: {
      id: true,
      members: { select: { role: true, user: { select: { id: true, no: true, name: true, role: true, departmentId: true } } } },
      lessons: { where: { endsAt: { lt: now } }, orderBy: { startsAt: "desc" }, take: 1, select: { id: true } },
    },
  });
  if (!course || (await prisma.quiz.count({ where: { courseId: course.id, title: TITLE } }))) return { quizzes: 0, attempts: 0 };
  const questions = await prisma.question.findMany({
    where: { courseId: course.id, archived: false, caseId: null, type: { not: "SHORT_ANSWER" } },
    orderBy: { createdAt: "asc" },
    take: QUESTIONS,
    select: { id: true, type: true, options: true, answer: true },
  });
  const teacher = course.members.find((m) => m.role === "TEACHER")?.user;
  if (!teacher || questions.length < 3) return { quizzes: 0, attempts: 0 };

  const teacherActor = actorOf(teacher);
  const quizItem = await prisma.assessmentItem.findFirst({ where: { courseId: course.id }, orderBy: { position: "asc" }, select: { id: true } });
  const { quizId } = await createQuiz(teacherActor, {
    courseId: course.id,
    title: TITLE,
    description: "本测验覆盖心脏视诊、触诊、叩诊与听诊的要点，提交后即可查看答案与解析。",
    lessonId: course.lessons[0]?.id ?? null,
    assessmentItemId: quizItem?.id ?? null,
    opensAt: localValueOf(new Date(now.getTime() - 2 * DAY_MS)),
    closesAt: localValueOf(new Date(now.getTime() + 3 * DAY_MS)),
    timeLimitMinutes: 20,
    attemptsAllowed: 2,
    scoring: "HIGHEST",
    review: "IMMEDIATELY",
  });
  await setQuizItems(teacherActor, { quizId, questions: questions.map((q) => ({ questionId: q.id, points: 2 })), draws: [] });
  // Published two days ago, so that its push is not sent again at every demo start.
  await publishQuiz(teacherActor, { quizId }, new Date(now.getTime() - 2 * DAY_MS));
  await prisma.domainEvent.updateMany({ where: { type: "quiz.published", subjectId: quizId }, data: { pushesQueuedAt: now } });

  const contents = new Map(questions.map((q) => [q.id, QuestionContentSchema.parse({ type: q.type, options: q.options, answer: q.answer })]));
  const classmates = course.members
    .filter((m) => m.role === "STUDENT" && !DEMO_STUDENT_NOS.has(m.user.no))
    .map((m) => m.user)
    .sort((a, b) => a.no.localeCompare(b.no))
    .slice(0, CLASSMATES);
  let attempts = 0;
  for (const [i, student] of classmates.entries()) {
    const actor = actorOf(student);
    const startedAt = new Date(now.getTime() - DAY_MS + i * 60_000);
    const { attemptId } = await startAttempt(actor, { quizId }, startedAt);
    for (const [j, question] of questions.entries()) {
      const right = (i * 7 + j * 3) % 10 < (j === 0 ? 4 : 7);
      await saveAnswer(actor, { attemptId, questionId: question.id, response: responseFor(contents.get(question.id)!, right) }, startedAt);
    }
    await submitAttempt(actor, { attemptId }, new Date(startedAt.getTime() + 8 * 60_000));
    attempts++;
  }
  return { quizzes: 1, attempts };
}
