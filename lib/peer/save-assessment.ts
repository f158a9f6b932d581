import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertPhase, authorizeActivity } from "./activity";
import { completeAssessment, draftAssessment } from "./assessment-input";
import { calibrationStateOf } from "./calibration";
import { type SaveAssessmentInput, SaveAssessmentSchema } from "./schemas";

/**
 * A student saves or submits a review allocated to them, or their self-assessment (coursework.submit), during the
 * assessment phase. Peer reviews need calibration first when the activity requires it. A submitted review may be
 * revised until the phase ends, but stays complete: once submitted, every save is a submit.
 */
export async function saveAssessment(actor: Actor, input: SaveAssessmentInput, now = new Date()) {
  const data = SaveAssessmentSchema.parse(input);
  const row = await db.peerAssessment.findFirst({
    where: { id: data.assessmentId, reviewerId: actor.id, kind: { in: ["PEER", "SELF"] } },
    select: { id: true, kind: true, submittedAt: true, submission: { select: { activityId: true } } },
  });
  if (!row) throw new AppError("not_found");
  const { activity } = await authorizeActivity(actor, row.submission.activityId, "coursework.submit");
  assertPhase(activity, "ASSESSMENT");
  if (row.kind === "PEER" && !(await calibrationStateOf(db, activity, actor.id)).passed) throw new AppError("peer.calibrate_first");
  const submit = data.submit || row.submittedAt !== null;
  const checked = (submit ? completeAssessment : draftAssessment)(activity.rubric, data);
  await db.peerAssessment.update({
    where: { id: row.id },
    data: { levels: checked.levels, comments: checked.comments, score: submit ? checked.score : null, ...(submit && { submittedAt: now }) },
  });
  return { courseId: activity.courseId, activityId: activity.id, assessmentId: row.id, submitted: submit };
}
