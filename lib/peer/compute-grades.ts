import type { Actor } from "@/lib/auth/authz";
import { type Tx, db } from "@/lib/db";
import { criterionMapOf } from "@/lib/rubric/rubric";
import { type Activity, LONG_TX, assertPhase, authorizeActivity } from "./activity";
import { gradeSubmission } from "./grades";

/**
 * Grading evaluation: stores each submission's peer grade and each submitted peer review's grade (grades.ts).
 * Overrides are kept; unsubmitted reviews get no review grade (they count 0 in the reviewer's grade for reviewing).
 */
export async function computeGradesTx(tx: Tx, activity: Pick<Activity, "id" | "rubric" | "aggregation">): Promise<{ graded: number; ungraded: number }> {
  const submissions = await tx.peerSubmission.findMany({
    where: { activityId: activity.id, isExample: false },
    select: { id: true, assessments: { where: { kind: "PEER" }, select: { id: true, levels: true, submittedAt: true } } },
  });
  let graded = 0;
  for (const submission of submissions) {
    const result = gradeSubmission(
      activity.rubric,
      activity.aggregation,
      submission.assessments.map((a) => ({ id: a.id, levels: a.submittedAt ? criterionMapOf(a.levels) : null })),
    );
    if (result.grade !== null) graded++;
    await tx.peerSubmission.update({ where: { id: submission.id }, data: { grade: result.grade } });
    for (const assessment of submission.assessments) {
      await tx.peerAssessment.update({ where: { id: assessment.id }, data: { reviewGrade: result.reviewGrades[assessment.id] ?? null } });
    }
  }
  return { graded, ungraded: submissions.length - graded };
}

/** The "compute again" button (grades.manage), in grading evaluation or after closing. */
export async function computeGrades(actor: Actor, { activityId }: { activityId: string }) {
  const { activity } = await authorizeActivity(actor, activityId, "grades.manage");
  assertPhase(activity, "GRADING", "CLOSED");
  const result = await db.$transaction((tx) => computeGradesTx(tx, activity), LONG_TX);
  return { ...result, courseId: activity.courseId, activityId: activity.id };
}
