import type { PrismaClient } from "@/generated/prisma/client";
import { seededRandom } from "@/lib/demo/seed";
import { shanghaiDayRange } from "@/lib/lesson/phase";
import { demoPreclassFor } from "./demo-content";

const DAY_MS = 86_400_000;
const COURSE_CODE = "MED2101";
/** The demo logins try the pre-class tab themselves, so they are left without answers. */
const DEMO_STUDENT_NOS = ["2023010101", "2023010201"];
const RESPONSE_RATE = 0.7;
/** Objectives get harder down the list (understand → master → apply): mean confidence per position. */
const CONFIDENCE_MEANS = [3.8, 3.1, 2.5];

/**
 * Published pre-class packages for today's and the next lesson of 诊断学 (MED2101): material, a de-identified staged
 * case, and feedback and case answers from about 70% of the students, so that the feedback summary has something
 * to show. Deterministic for a given `now`. Does nothing when the course is missing.
 */
export async function seedDemoPreclass(prisma: PrismaClient, now = new Date()): Promise<{ packages: number; feedback: number }> {
  const course = await prisma.course.findFirst({
    where: { code: COURSE_CODE },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      lessons: { orderBy: { position: "asc" }, select: { id: true, title: true, startsAt: true, objectives: { orderBy: { position: "asc" }, select: { id: true } } } },
      members: { where: { role: "STUDENT", user: { no: { notIn: DEMO_STUDENT_NOS } } }, orderBy: { user: { no: "asc" } }, select: { userId: true } },
    },
  });
  if (!course) return { packages: 0, feedback: 0 };

  const today = shanghaiDayRange(now);
  const todays = course.lessons.filter((lesson) => lesson.startsAt >= today.start && lesson.startsAt < today.end);
  const next = course.lessons.find((lesson) => lesson.startsAt >= today.end);
  const lessons = next ? [...todays, next] : todays;

  const random = seededRandom(20260907);
  let feedback = 0;
  for (const lesson of lessons) {
    const content = demoPreclassFor(lesson.title);
    // Open for about a week before the lesson, and in any case since yesterday.
    const opensAt = new Date(Math.min(lesson.startsAt.getTime() - 6 * DAY_MS, now.getTime() - DAY_MS));
    const until = Math.min(now.getTime(), lesson.startsAt.getTime());
    const at = () => new Date(opensAt.getTime() + random() * (until - opensAt.getTime()));

    await prisma.preClassPackage.create({
      data: { lessonId: lesson.id, material: content.material, status: "PUBLISHED", opensAt, closesAt: lesson.startsAt, publishedAt: opensAt },
    });
    const clinicalCase = await prisma.clinicalCase.create({
      data: {
        lessonId: lesson.id,
        title: content.case.title,
        deidentified: true,
        stages: {
          create: content.case.stages.map(({ title, content: text, question }, position) => ({ position, title, content: text, question })),
        },
      },
      select: { stages: { orderBy: { position: "asc" }, select: { id: true, question: true } } },
    });

    for (const { userId } of course.members) {
      if (random() > RESPONSE_RATE) continue;
      const createdAt = at();
      await prisma.preClassFeedback.create({
        data: {
          lessonId: lesson.id,
          studentId: userId,
          unclear: random() < 0.55 ? pick(random, content.unclear) : "",
          questions: random() < 0.4 ? pick(random, content.questions) : "",
          createdAt,
          ratings: {
            create: lesson.objectives.map((objective, i) => ({ objectiveId: objective.id, confidence: confidence(random, CONFIDENCE_MEANS[i] ?? 3) })),
          },
        },
      });
      feedback += 1;
      await prisma.caseStageAnswer.createMany({ data: answersOf(random, clinicalCase.stages, content.case.stages, userId, createdAt) });
    }
  }
  return { packages: lessons.length, feedback };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** A confidence around the mean, 1–5. */
function confidence(random: () => number, mean: number): number {
  const value = Math.round(mean + (random() + random() - 1) * 2);
  return Math.min(5, Math.max(1, value));
}

/** Most respondents worked through the whole case; some stopped after a stage or two, as they do. */
function answersOf(
  random: () => number,
  stages: { id: string; question: string | null }[],
  texts: { answers: string[] }[],
  studentId: string,
  createdAt: Date,
) {
  const answered = random() < 0.75 ? stages.length : 1 + Math.floor(random() * 2);
  return stages
    .slice(0, answered)
    .flatMap((stage, i) => (stage.question && texts[i].answers.length > 0 ? [{ stageId: stage.id, studentId, answer: pick(random, texts[i].answers), createdAt }] : []));
}
