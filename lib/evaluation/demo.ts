import type { PrismaClient } from "@/generated/prisma/client";
import { shanghaiParts } from "@/lib/lesson/local-time";
import { POINTS_FOR, type PointsReason } from "@/lib/points/award-points";
import { DEFAULT_EVALUATION_ITEMS } from "./schemas";

const DAY_MS = 86_400_000;
const COURSE_CODE = "MED2101";
const TITLE = "诊断学 期中课程评教";
/** The demo logins answer the evaluation themselves, so they are not among the seeded respondents. */
const DEMO_STUDENT_NOS = ["2023010101", "2023010201"];

// Six answers (more than the five needed), ratings in the order of the default items.
const ANSWERS: { ratings: number[]; comment: string }[] = [
  { ratings: [5, 4, 4, 5, 5], comment: "病例分阶段展开的方式很好，课前先思考再上课收获更大。" },
  { ratings: [4, 5, 3, 4, 4], comment: "课堂讨论时间有点紧，希望每个病例多留几分钟。" },
  { ratings: [4, 4, 4, 3, 4], comment: "" },
  { ratings: [5, 5, 4, 4, 5], comment: "老师根据预习反馈调整了心音听诊的讲解，很有针对性。" },
  { ratings: [3, 4, 3, 4, 3], comment: "预习材料有时发布得较晚，希望至少提前三天。" },
  { ratings: [4, 3, 5, 4, 4], comment: "" },
];

/**
 * An open course evaluation on 诊断学 (MED2101) with six answers from students other than the demo logins, so that
 * the teacher's results page has aggregates to show, and a points history for the two demo students and two
 * classmates. Call after seedDemoSchool. Idempotent: the evaluation is created once, awards are unique.
 */
export async function seedDemoEvaluations(prisma: PrismaClient, now = new Date()): Promise<{ evaluations: number; responses: number; awards: number }> {
  const none = { evaluations: 0, responses: 0, awards: 0 };
  const course = await prisma.course.findFirst({
    where: { code: COURSE_CODE },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      lessons: { where: { endsAt: { lte: now } }, orderBy: { startsAt: "desc" }, take: 3, select: { id: true, startsAt: true } },
      members: { where: { role: "STUDENT" }, orderBy: { user: { no: "asc" } }, select: { userId: true, user: { select: { no: true } } } },
    },
  });
  if (!course) return none;
  const others = course.members.filter((member) => !DEMO_STUDENT_NOS.includes(member.user.no));
  const logins = course.members.filter((member) => DEMO_STUDENT_NOS.includes(member.user.no));

  let evaluations = 0;
  let responses = 0;
  const exists = await prisma.evaluation.findFirst({ where: { courseId: course.id, title: TITLE }, select: { id: true } });
  if (!exists && others.length >= ANSWERS.length) {
    const respondents = others.slice(0, ANSWERS.length);
    await prisma.$transaction(async (tx) => {
      const evaluation = await tx.evaluation.create({
        data: {
          courseId: course.id,
          title: TITLE,
          items: DEFAULT_EVALUATION_ITEMS.map((item) => ({ ...item })),
          opensAt: new Date(now.getTime() - 3 * DAY_MS),
          closesAt: new Date(now.getTime() + 7 * DAY_MS),
        },
        select: { id: true },
      });
      await tx.evaluationRespondent.createMany({ data: respondents.map(({ userId }) => ({ evaluationId: evaluation.id, userId })) });
      await tx.evaluationResponse.createMany({
        data: ANSWERS.map(({ ratings, comment }, i) => ({
          evaluationId: evaluation.id,
          ratings: Object.fromEntries(DEFAULT_EVALUATION_ITEMS.map((item, j) => [item.id, ratings[j]])),
          comment,
          day: new Date(`${shanghaiParts(new Date(now.getTime() - (i % 3) * DAY_MS)).date}T00:00:00Z`),
        })),
      });
    });
    evaluations = 1;
    responses = ANSWERS.length;
  }

  // Pre-class work on the last lessons that have ended, and a practice streak; demo subjects, not real feedback rows.
  const earners = [...logins, ...others.slice(0, 2)];
  const awards: { userId: string; courseId: string; reason: PointsReason; subjectId: string; points: number; createdAt: Date }[] = [];
  earners.forEach(({ userId }, n) => {
    course.lessons.forEach((lesson, i) => {
      const before = new Date(lesson.startsAt.getTime() - (1 + n) * 3600_000 - DAY_MS);
      const award = (reason: PointsReason, subjectId: string, at: Date) =>
        awards.push({ userId, courseId: course.id, reason, subjectId, points: POINTS_FOR[reason], createdAt: at });
      if ((i + n) % 3 !== 2) award("preclass_feedback", `demo-feedback-${lesson.id}`, before);
      if ((i + n) % 2 === 0) award("case_completed", `demo-case-${lesson.id}`, new Date(before.getTime() + 1800_000));
    });
    if (n % 2 === 0) {
      const day = new Date(now.getTime() - (2 + n) * DAY_MS);
      awards.push({ userId, courseId: course.id, reason: "practice_streak", subjectId: shanghaiParts(day).date, points: POINTS_FOR.practice_streak, createdAt: day });
    }
  });
  const { count } = await prisma.pointsAward.createMany({ data: awards, skipDuplicates: true });
  return { evaluations, responses, awards: count };
}
