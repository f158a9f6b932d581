import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { getLessonContext } from "@/lib/lesson/lesson-context";
import { type FeedbackSummaryQuery, FeedbackSummaryQuerySchema, LOW_CONFIDENCE_MEAN } from "./schemas";

export const CONFIDENCE_LEVELS = [1, 2, 3, 4, 5] as const;

/**
 * What a lesson's staff read before adjusting it: response rate and who has not answered, confidence per objective,
 * the unclear points and questions (with names, optionally one tag only), and the case-stage answers.
 * Only the course's current students count, so that the rate never exceeds 100 % after someone leaves the course.
 * Staff only ("feedback.view"): students get auth.forbidden, outsiders not_found.
 */
export async function getFeedbackSummary(actor: Actor, query: FeedbackSummaryQuery) {
  const { lessonId, tag } = FeedbackSummaryQuerySchema.parse(query);
  const lesson = await getLessonContext(actor, lessonId, "feedback.view");
  const courseId = lesson.course.id;
  const enrolled = { memberships: { some: { courseId, role: "STUDENT" } } } satisfies Prisma.UserWhereInput;
  const responses = { lessonId, student: enrolled } satisfies Prisma.PreClassFeedbackWhereInput;
  const withText = { ...responses, OR: [{ unclear: { not: "" } }, { questions: { not: "" } }] } satisfies Prisma.PreClassFeedbackWhereInput;

  const [studentCount, responded, nonResponders, ratingCounts, tagCounts, items, itemCount, stages] = await Promise.all([
    db.courseMember.count({ where: { courseId, role: "STUDENT" } }),
    db.preClassFeedback.count({ where: responses }),
    db.courseMember.findMany({
      where: { courseId, role: "STUDENT", user: { feedback: { none: { lessonId } } } },
      orderBy: { user: { no: "asc" } },
      select: {
        userId: true,
        group: { select: { name: true } },
        user: { select: { no: true, name: true, class: { select: { name: true } } } },
      },
    }),
    db.feedbackRating.groupBy({
      by: ["objectiveId", "confidence"],
      where: { feedback: responses, objective: { lessonId } },
      _count: { _all: true },
    }),
    db.feedbackTag.groupBy({ by: ["label"], where: { feedback: responses }, _count: { _all: true } }),
    db.preClassFeedback.findMany({
      where: tag ? { ...withText, tags: { some: { label: tag } } } : withText,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        unclear: true,
        questions: true,
        student: { select: { no: true, name: true } },
        tags: { orderBy: { label: "asc" }, select: { label: true } },
      },
    }),
    db.preClassFeedback.count({ where: withText }),
    db.caseStage.findMany({
      where: { case: { lessonId } },
      orderBy: { position: "asc" },
      select: {
        id: true,
        position: true,
        title: true,
        question: true,
        answers: {
          where: { student: enrolled },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { id: true, answer: true, student: { select: { no: true, name: true } } },
        },
      },
    }),
  ]);

  const objectives = lesson.objectives.map((objective) => {
    const counts = CONFIDENCE_LEVELS.map(
      (level) => ratingCounts.find((row) => row.objectiveId === objective.id && row.confidence === level)?._count._all ?? 0,
    );
    const total = counts.reduce((sum, n) => sum + n, 0);
    const mean = total ? counts.reduce((sum, n, i) => sum + n * CONFIDENCE_LEVELS[i], 0) / total : null;
    return { id: objective.id, text: objective.text, counts, total, mean, low: mean !== null && mean < LOW_CONFIDENCE_MEAN };
  });

  return {
    lessonId: lesson.id,
    canEdit: lesson.access.actions.has("course.edit"),
    studentCount,
    responded,
    responseRate: studentCount ? responded / studentCount : null,
    nonResponders: nonResponders.map((member) => ({
      userId: member.userId,
      no: member.user.no,
      name: member.user.name,
      className: member.user.class?.name ?? null,
      groupName: member.group?.name ?? null,
    })),
    objectives,
    tags: tagCounts
      .map((row) => ({ label: row.label, count: row._count._all }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "zh-CN")),
    tag: tag ?? null,
    itemCount,
    items: items.map((item) => ({
      id: item.id,
      studentNo: item.student.no,
      studentName: item.student.name,
      unclear: item.unclear,
      questions: item.questions,
      tags: item.tags.map((t) => t.label),
    })),
    stages: stages
      .filter((stage) => stage.question !== null || stage.answers.length > 0)
      .map((stage) => ({
        id: stage.id,
        position: stage.position,
        title: stage.title,
        question: stage.question,
        answers: stage.answers.map((a) => ({ id: a.id, answer: a.answer, studentNo: a.student.no, studentName: a.student.name })),
      })),
  };
}

export type FeedbackSummary = Awaited<ReturnType<typeof getFeedbackSummary>>;
export type ObjectiveConfidence = FeedbackSummary["objectives"][number];
