import { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { type Actor, authorizeCourse, isWellFormedId } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { rubricScore, scoredRubricOf } from "@/lib/rubric/rubric";
import { LATE_POLICY_SELECT } from "./homework-select";
import { finalScore } from "./recompute-lateness";
import { type GradeSubmissionInput, GradeSubmissionSchema } from "./schemas";

export interface GradeResult {
  courseId: string;
  homeworkId: string;
  submissionId: string;
  rawScore: number;
  deduction: number;
  score: number;
}

/**
 * Grades a submission (grades.manage): a level and an optional comment for every rubric criterion, or points when
 * the homework has no rubric, and Markdown feedback. The late deduction follows from the submission's minutes late and the homework's
 * policy (late-deduction.ts); students see none of it until the teacher releases the grades. Regrading replaces; both
 * are audited with the score before and after.
 */
export async function gradeSubmission(actor: Actor, input: GradeSubmissionInput, now = new Date()): Promise<GradeResult> {
  const data = GradeSubmissionSchema.parse(input);
  if (!isWellFormedId(data.submissionId)) throw new AppError("not_found");
  const submission = await db.homeworkSubmission.findUnique({
    where: { id: data.submissionId },
    select: {
      id: true,
      userId: true,
      lateMinutes: true,
      homework: { select: { id: true, courseId: true, points: true, rubric: true, ...LATE_POLICY_SELECT } },
    },
  });
  if (!submission) throw new AppError("not_found");
  const { homework } = submission;
  const access = await authorizeCourse(actor, homework.courseId, "grades.manage");
  const rubric = scoredRubricOf(homework.rubric);
  let raw: number;
  if (rubric) {
    const picks = data.rubricLevels ?? {};
    const score = rubricScore(rubric, picks);
    if (score === null) throw new AppError("homework.rubric_incomplete");
    if (Object.keys(picks).some((id) => !rubric.some((criterion) => criterion.id === id))) throw new AppError("validation");
    raw = score;
  } else {
    if (data.points === null) throw new AppError("validation");
    if (data.points > homework.points) throw new AppError("homework.points_too_high");
    raw = data.points;
  }
  // A comment on a criterion the rubric does not have (or on any, without a rubric) comes from a stale form.
  if (Object.keys(data.criterionComments).some((id) => !rubric?.some((criterion) => criterion.id === id))) throw new AppError("validation");
  const criterionComments = Object.fromEntries(Object.entries(data.criterionComments).filter(([, comment]) => comment !== ""));
  const grade = finalScore(homework, raw, submission.lateMinutes);
  await db.$transaction(async (tx) => {
    const before = await tx.homeworkSubmission.findUniqueOrThrow({
      where: { id: submission.id },
      select: { rawScore: true, deduction: true, score: true },
    });
    await tx.homeworkSubmission.update({
      where: { id: submission.id },
      data: {
        rubricLevels: rubric ? (data.rubricLevels ?? {}) : Prisma.DbNull,
        criterionComments,
        ...grade,
        feedback: data.feedback,
        gradedById: actor.id,
        gradedAt: now,
      },
    });
    await writeAudit(tx, actor, "homework.grade", submission.id, { homeworkId: homework.id, studentId: submission.userId, from: before, to: grade }, access);
  });
  return { courseId: access.courseId, homeworkId: homework.id, submissionId: submission.id, ...grade };
}
