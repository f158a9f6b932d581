import { Prisma } from "@/generated/prisma/client";
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
 * Grades a submission (grades.manage): a level for every rubric criterion, or points when the homework has no
 * rubric, and Markdown feedback. The late deduction follows from the submission's minutes late and the homework's
 * policy (late-deduction.ts); students see none of it until the teacher releases the grades. Regrading replaces.
 */
export async function gradeSubmission(actor: Actor, input: GradeSubmissionInput, now = new Date()): Promise<GradeResult> {
  const data = GradeSubmissionSchema.parse(input);
  if (!isWellFormedId(data.submissionId)) throw new AppError("not_found");
  const submission = await db.homeworkSubmission.findUnique({
    where: { id: data.submissionId },
    select: {
      id: true,
      lateMinutes: true,
      homework: { select: { id: true, courseId: true, points: true, rubric: true, ...LATE_POLICY_SELECT } },
    },
  });
  if (!submission) throw new AppError("not_found");
  const { homework } = submission;
  const { courseId } = await authorizeCourse(actor, homework.courseId, "grades.manage");
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
  const grade = finalScore(homework, raw, submission.lateMinutes);
  await db.homeworkSubmission.update({
    where: { id: submission.id },
    data: {
      rubricLevels: rubric ? (data.rubricLevels ?? {}) : Prisma.DbNull,
      ...grade,
      feedback: data.feedback,
      gradedById: actor.id,
      gradedAt: now,
    },
  });
  return { courseId, homeworkId: homework.id, submissionId: submission.id, ...grade };
}
