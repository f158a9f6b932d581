import { writeAudit } from "@/lib/audit/write-audit";
import type { Actor } from "@/lib/auth/authz";
import { type Tx, db } from "@/lib/db";
import { criterionMapOf } from "@/lib/rubric/rubric";
import { type Activity, LONG_TX, assertPhase, authorizeActivity } from "./activity";
import { gradeSubmission } from "./grades";

/** A submission whose peer grade moved, for the audit log (the author is the student). */
export type PeerGradeChange = { studentId: string | null; from: { grade: number | null }; to: { grade: number | null } };

/**
 * Grading evaluation: stores each submission's peer grade and each submitted peer review's grade (grades.ts).
 * Overrides are kept; unsubmitted reviews get no review grade (they count 0 in the reviewer's grade for reviewing).
 * Returns the submissions whose grade moved, and how many review grades did.
 */
export async function computeGradesTx(
  tx: Tx,
  activity: Pick<Activity, "id" | "rubric" | "aggregation">,
): Promise<{ graded: number; ungraded: number; changes: PeerGradeChange[]; reviewGradesChanged: number }> {
  const submissions = await tx.peerSubmission.findMany({
    where: { activityId: activity.id, isExample: false },
    select: {
      id: true,
      authorId: true,
      grade: true,
      assessments: { where: { kind: "PEER" }, select: { id: true, levels: true, submittedAt: true, reviewGrade: true } },
    },
  });
  let graded = 0;
  let reviewGradesChanged = 0;
  const changes: PeerGradeChange[] = [];
  for (const submission of submissions) {
    const result = gradeSubmission(
      activity.rubric,
      activity.aggregation,
      submission.assessments.map((a) => ({ id: a.id, levels: a.submittedAt ? criterionMapOf(a.levels) : null })),
    );
    if (result.grade !== null) graded++;
    if (result.grade !== submission.grade) changes.push({ studentId: submission.authorId, from: { grade: submission.grade }, to: { grade: result.grade } });
    await tx.peerSubmission.update({ where: { id: submission.id }, data: { grade: result.grade } });
    for (const assessment of submission.assessments) {
      const reviewGrade = result.reviewGrades[assessment.id] ?? null;
      if (reviewGrade !== assessment.reviewGrade) reviewGradesChanged++;
      await tx.peerAssessment.update({ where: { id: assessment.id }, data: { reviewGrade } });
    }
  }
  return { graded, ungraded: submissions.length - graded, changes, reviewGradesChanged };
}

/** The "compute again" button (grades.manage), in grading evaluation or after closing; audited with what moved. */
export async function computeGrades(actor: Actor, { activityId }: { activityId: string }) {
  const { activity, access } = await authorizeActivity(actor, activityId, "grades.manage");
  assertPhase(activity, "GRADING", "CLOSED");
  const { graded, ungraded } = await db.$transaction(async (tx) => {
    const result = await computeGradesTx(tx, activity);
    await writeAudit(tx, actor, "peer.compute_grades", activity.id, { activityId: activity.id, ...result }, access);
    return result;
  }, LONG_TX);
  return { graded, ungraded, courseId: activity.courseId, activityId: activity.id };
}
