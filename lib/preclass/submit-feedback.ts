import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { raiseEvent } from "@/lib/events/raise-event";
import { awardPoints } from "@/lib/points/award-points";
import { feedbackHasSubstance } from "@/lib/points/substance";
import { type SubmitFeedbackInput, SubmitFeedbackSchema } from "./schemas";
import { authorizeEnrolledStudent } from "./student-access";
import { assertWindowOpen } from "./window";

/**
 * Submits or changes an enrolled student's pre-class feedback while the window is open: a confidence of 1–5 for
 * every objective of the lesson, what is unclear and questions for the teacher. One per student and lesson; the
 * row (and the teacher's tags on it) stays, the ratings are replaced. "preclass.feedback_submitted" is raised once.
 */
export async function submitFeedback(actor: Actor, input: SubmitFeedbackInput): Promise<{ lessonId: string; feedbackId: string }> {
  const data = SubmitFeedbackSchema.parse(input);
  const { courseId } = await authorizeEnrolledStudent(actor, data.lessonId);
  const pkg = await db.preClassPackage.findUnique({
    where: { lessonId: data.lessonId },
    select: { status: true, opensAt: true, closesAt: true },
  });
  assertWindowOpen(pkg);

  return db.$transaction(async (tx) => {
    const objectives = await tx.lessonObjective.findMany({ where: { lessonId: data.lessonId }, select: { id: true } });
    const objectiveIds = new Set(objectives.map((objective) => objective.id));
    if (data.ratings.some((rating) => !objectiveIds.has(rating.objectiveId))) throw new AppError("preclass.unknown_objective");
    const rated = new Set(data.ratings.map((rating) => rating.objectiveId));
    const missing = [...objectiveIds].filter((id) => !rated.has(id));
    if (missing.length > 0) throw new AppError("preclass.ratings_incomplete", { missing });

    const key = { lessonId_studentId: { lessonId: data.lessonId, studentId: actor.id } };
    const existing = await tx.preClassFeedback.findUnique({ where: key, select: { id: true } });
    const fields = { unclear: data.unclear, questions: data.questions };
    const feedback = await tx.preClassFeedback.upsert({
      where: key,
      create: { lessonId: data.lessonId, studentId: actor.id, ...fields },
      update: fields,
      select: { id: true },
    });
    await tx.feedbackRating.deleteMany({ where: { feedbackId: feedback.id } });
    await tx.feedbackRating.createMany({
      data: data.ratings.map((rating) => ({ feedbackId: feedback.id, objectiveId: rating.objectiveId, confidence: rating.confidence })),
    });
    if (!existing) {
      await raiseEvent(tx, {
        type: "preclass.feedback_submitted",
        courseId,
        lessonId: data.lessonId,
        subjectId: feedback.id,
        payload: { feedbackId: feedback.id },
      });
    }
    // Points only for something said in the student's own words (seed 004); an edit that adds it earns them then.
    const others = await tx.preClassFeedback.findMany({
      where: { lessonId: data.lessonId, studentId: { not: actor.id } },
      select: { unclear: true, questions: true },
    });
    if (feedbackHasSubstance(fields, others.flatMap((other) => [other.unclear, other.questions]))) {
      await awardPoints(tx, { userId: actor.id, courseId, reason: "preclass_feedback", subjectId: feedback.id });
    }
    return { lessonId: data.lessonId, feedbackId: feedback.id };
  });
}
