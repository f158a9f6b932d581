import { writeAudit } from "@/lib/audit/write-audit";
import type { Actor } from "@/lib/auth/authz";
import { type Tx, db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { raiseEvent } from "@/lib/events/raise-event";
import { type Activity, LONG_TX, authorizeActivity, loadActivity } from "./activity";
import { computeGradesTx } from "./compute-grades";
import { duePhase, transitionOf } from "./phases";
import { runAllocationTx } from "./run-allocation";
import type { PeerPhase, SwitchPhaseInput } from "./schemas";

/**
 * Moves an activity into `to`, doing what that phase needs first: entering assessment checks the calibration
 * examples and allocates; entering grading evaluation computes the grades. The phase is changed only if it is
 * still `activity.phase` (the scheduler and a teacher may race), the change is announced to students and audited
 * (each phase opens or closes students' work, or moves their grades); `actor` null is the scheduler.
 */
async function enterPhaseTx(tx: Tx, actor: Pick<Actor, "id"> | null, activity: Activity, to: PeerPhase, now: Date, { back }: { back: boolean }) {
  if (to === "SUBMISSION" && !back && !activity.allowText && !activity.allowFiles) throw new AppError("peer.no_submission_kind");
  if (to === "ASSESSMENT" && !back) {
    if (activity.calibrationRequired) {
      const referenced = await tx.peerAssessment.count({
        where: { kind: "REFERENCE", submittedAt: { not: null }, submission: { activityId: activity.id, isExample: true } },
      });
      if (referenced === 0) throw new AppError("peer.no_reference");
    }
    await runAllocationTx(tx, activity, now);
  }
  const computed = to === "GRADING" && !back ? await computeGradesTx(tx, activity) : null;
  const withdrawsGrades = back && to === "ASSESSMENT" && activity.gradesReleasedAt !== null;
  const moved = await tx.peerReview.updateMany({
    where: { id: activity.id, phase: activity.phase },
    // Going back by hand turns the schedule off, or the next tick would move it forward again at once; reopening
    // reviews withdraws released grades, which are about to change.
    data: { phase: to, ...(back && { autoSwitch: false }), ...(back && to === "ASSESSMENT" && { gradesReleasedAt: null }) },
  });
  if (moved.count === 0) throw new AppError("peer.wrong_phase");
  await writeAudit(tx, actor, "peer.switch_phase", activity.id, {
    activityId: activity.id,
    from: { phase: activity.phase, ...(withdrawsGrades && { gradesReleasedAt: activity.gradesReleasedAt!.toISOString() }) },
    to: { phase: to, ...(withdrawsGrades && { gradesReleasedAt: null }) },
    ...computed,
  }, { courseId: activity.courseId });
  await raiseEvent(tx, { type: "peer.phase_changed", courseId: activity.courseId, lessonId: activity.lessonId ?? undefined, subjectId: activity.id, payload: { phase: to } });
}

/** The teacher's phase buttons (coursework.manage): one step forward, or one step back (phases.ts). */
export async function switchPhase(actor: Actor, input: SwitchPhaseInput, now = new Date()) {
  const { activity } = await authorizeActivity(actor, input.activityId, "coursework.manage");
  const hasSubmissions = (await db.peerSubmission.count({ where: { activityId: activity.id, isExample: false } })) > 0;
  const transition = transitionOf(activity.phase, input.phase, { hasSubmissions });
  if (!transition) throw new AppError("peer.invalid_transition", { from: activity.phase, to: input.phase });
  await db.$transaction((tx) => enterPhaseTx(tx, actor, activity, input.phase, now, { back: transition === "back" }), LONG_TX);
  return { courseId: activity.courseId, activityId: activity.id, phase: input.phase, autoSwitchOff: transition === "back" && activity.autoSwitch };
}

export interface AutoSwitchOutcome {
  activityId: string;
  from: PeerPhase;
  to: PeerPhase;
  /** Why it could not switch (e.g. peer.no_reference); the teacher page shows the overdue phase. */
  error?: string;
}

/**
 * Moves every scheduled activity whose date has come (phases.ts duePhase), one step at a time, as often as the dates
 * call for. For the server's interval timer; an activity that cannot switch (calibration required but no reference)
 * stays where it is and is reported.
 */
export async function advancePeerReviewPhases(now = new Date()): Promise<AutoSwitchOutcome[]> {
  const candidates = await db.peerReview.findMany({
    where: {
      autoSwitch: true,
      OR: [
        { phase: "SETUP", submissionOpensAt: { lte: now } },
        { phase: "SUBMISSION", submissionClosesAt: { lte: now } },
        { phase: "ASSESSMENT", assessmentClosesAt: { lte: now } },
      ],
    },
    select: { id: true },
  });
  const outcomes: AutoSwitchOutcome[] = [];
  for (const { id } of candidates) {
    for (let step = 0; step < 3; step++) {
      const activity = await loadActivity(db, id);
      const to = activity.autoSwitch ? duePhase(activity, now) : null;
      if (!to) break;
      try {
        await db.$transaction((tx) => enterPhaseTx(tx, null, activity, to, now, { back: false }), LONG_TX);
        outcomes.push({ activityId: id, from: activity.phase, to });
      } catch (error) {
        outcomes.push({ activityId: id, from: activity.phase, to, error: error instanceof AppError ? error.code : "common.unexpected" });
        if (!(error instanceof AppError)) console.error("[peer] phase switch failed", id, error);
        break;
      }
    }
  }
  return outcomes;
}
