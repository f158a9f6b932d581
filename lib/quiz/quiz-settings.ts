import type { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { instantOfLocal } from "@/lib/preclass/local-datetime";
import type { QuizSettingsSchema } from "./schemas";

type Settings = z.output<typeof QuizSettingsSchema>;

/**
 * The database fields of a quiz's settings: times read as Asia/Shanghai, the lesson and assessment item checked to
 * belong to the course (an id from elsewhere is refused, never linked).
 */
export async function quizDataOf(courseId: string, settings: Settings) {
  const opensAt = settings.opensAt ? instantOfLocal(settings.opensAt) : null;
  const closesAt = settings.closesAt ? instantOfLocal(settings.closesAt) : null;
  if (opensAt && closesAt && closesAt <= opensAt) throw new AppError("quiz.closes_before_opens");
  if (settings.lessonId && !(await db.lesson.findFirst({ where: { id: settings.lessonId, courseId }, select: { id: true } }))) {
    throw new AppError("quiz.unknown_lesson");
  }
  if (
    settings.assessmentItemId &&
    !(await db.assessmentItem.findFirst({ where: { id: settings.assessmentItemId, courseId }, select: { id: true } }))
  ) {
    throw new AppError("quiz.unknown_assessment");
  }
  return {
    title: settings.title,
    description: settings.description,
    lessonId: settings.lessonId,
    assessmentItemId: settings.assessmentItemId,
    opensAt,
    closesAt,
    timeLimitMinutes: settings.timeLimitMinutes,
    attemptsAllowed: settings.attemptsAllowed,
    scoring: settings.scoring,
    shuffleQuestions: settings.shuffleQuestions,
    shuffleOptions: settings.shuffleOptions,
    review: settings.review,
    confidenceMarking: settings.confidenceMarking,
    passPercent: settings.passPercent,
  };
}
