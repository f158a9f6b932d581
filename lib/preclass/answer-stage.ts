import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { awardPoints } from "@/lib/points/award-points";
import { revealedCountOf } from "./reveal";
import { type AnswerStageInput, AnswerStageSchema } from "./schemas";
import { authorizeEnrolledStudent } from "./student-access";
import { assertWindowOpen } from "./window";

/**
 * Saves (or changes) an enrolled student's answer to a stage's question while the window is open. Only a stage the
 * student can already see may be answered; answering it reveals the next one.
 */
export async function answerStage(actor: Actor, input: AnswerStageInput): Promise<{ lessonId: string }> {
  const data = AnswerStageSchema.parse(input);
  const stage = await db.caseStage.findUnique({
    where: { id: data.stageId },
    select: { id: true, question: true, case: { select: { id: true, lessonId: true, deidentified: true } } },
  });
  if (!stage) throw new AppError("not_found");
  const { lessonId } = stage.case;
  const { courseId } = await authorizeEnrolledStudent(actor, lessonId);
  const pkg = await db.preClassPackage.findUnique({ where: { lessonId }, select: { status: true, opensAt: true, closesAt: true } });
  assertWindowOpen(pkg);
  if (!stage.case.deidentified) throw new AppError("not_found");
  if (stage.question === null) throw new AppError("validation");

  await db.$transaction(async (tx) => {
    const stages = await tx.caseStage.findMany({
      where: { caseId: stage.case.id },
      orderBy: { position: "asc" },
      select: { id: true, question: true, answers: { where: { studentId: actor.id }, select: { id: true } } },
    });
    const answered = new Set(stages.filter((s) => s.answers.length > 0).map((s) => s.id));
    const index = stages.findIndex((s) => s.id === stage.id);
    if (index >= revealedCountOf(stages, answered)) throw new AppError("preclass.stage_locked");
    await tx.caseStageAnswer.upsert({
      where: { stageId_studentId: { stageId: stage.id, studentId: actor.id } },
      create: { stageId: stage.id, studentId: actor.id, answer: data.answer },
      update: { answer: data.answer },
    });
    // Answers are never blank (the schema trims and requires one), so every question stage answered is the case done.
    const complete = stages.every((s) => s.question === null || s.id === stage.id || answered.has(s.id));
    if (complete) await awardPoints(tx, { userId: actor.id, courseId, reason: "case_completed", subjectId: stage.case.id });
  });
  return { lessonId };
}
