import type { Tx } from "@/lib/db";
import { LATE_POLICY_SELECT } from "./homework-select";
import { type LatePolicySettings, lateDeduction, lateMinutesOf } from "./late-deduction";

/** Raw points, the late deduction under the homework's policy, and what remains (two decimals). */
export function finalScore(homework: LatePolicySettings & { points: number }, rawScore: number, lateMinutes: number) {
  const deduction = lateDeduction(homework, { possible: homework.points, raw: rawScore, lateMinutes });
  return { rawScore, deduction, score: Math.round((rawScore - deduction) * 100) / 100 };
}

/** One submission whose minutes late or score moved, for the audit log. */
export type LatenessChange = {
  studentId: string;
  from: { lateMinutes: number; score: number | null };
  to: { lateMinutes: number; score: number | null };
};

/**
 * Re-derives each submission's lateness from the due time that applies to its student now (extension or the
 * homework's), and the deduction of graded ones from the current late policy. Called in the transaction of every
 * change to those, so stored grades never disagree with the settings a student and the teacher can see. Returns what
 * moved.
 */
export async function recomputeLateness(tx: Tx, homeworkId: string, userId?: string): Promise<LatenessChange[]> {
  const homework = await tx.homework.findUniqueOrThrow({
    where: { id: homeworkId },
    select: { dueAt: true, points: true, ...LATE_POLICY_SELECT },
  });
  const submissions = await tx.homeworkSubmission.findMany({
    where: { homeworkId, ...(userId && { userId }) },
    select: { id: true, userId: true, submittedAt: true, lateMinutes: true, rawScore: true, deduction: true, score: true },
  });
  const extensions = await tx.homeworkExtension.findMany({
    where: { homeworkId, ...(userId && { userId }) },
    select: { userId: true, dueAt: true },
  });
  const dueOf = new Map(extensions.map((extension) => [extension.userId, extension.dueAt]));
  const changes: LatenessChange[] = [];
  for (const submission of submissions) {
    const lateMinutes = lateMinutesOf(submission.submittedAt, dueOf.get(submission.userId) ?? homework.dueAt);
    const grade = submission.rawScore === null ? null : finalScore(homework, submission.rawScore, lateMinutes);
    if (lateMinutes === submission.lateMinutes && (!grade || (grade.deduction === submission.deduction && grade.score === submission.score))) continue;
    await tx.homeworkSubmission.update({
      where: { id: submission.id },
      data: { lateMinutes, ...(grade && { deduction: grade.deduction, score: grade.score }) },
    });
    changes.push({
      studentId: submission.userId,
      from: { lateMinutes: submission.lateMinutes, score: submission.score },
      to: { lateMinutes, score: grade?.score ?? submission.score },
    });
  }
  return changes;
}
