import type { Actor } from "@/lib/auth/authz";
import { type Tx, db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { criterionMapOf } from "@/lib/rubric/rubric";
import { type Activity, NON_PEER_ALIAS, assertPhase, authorizeActivity } from "./activity";
import { completeAssessment } from "./assessment-input";
import { calibrationCloseness } from "./grades";
import { type ExampleAssessmentInput, ExampleAssessmentSchema } from "./schemas";

export interface CalibrationState {
  required: boolean;
  threshold: number | null;
  /** Examples with a reference assessment, in the teacher's order. */
  exampleIds: string[];
  /** Example id → closeness of the student's submitted attempt. */
  attempts: Record<string, number | null>;
  /** May review peers: calibration not required, or an attempt reached the threshold (any attempt without one). */
  passed: boolean;
  /** Every example tried without passing: trying again is allowed, so nobody is stuck. */
  exhausted: boolean;
}

export async function calibrationStateOf(client: Tx | typeof db, activity: Pick<Activity, "id" | "calibrationRequired" | "calibrationThreshold">, userId: string): Promise<CalibrationState> {
  const examples = await client.peerSubmission.findMany({
    where: { activityId: activity.id, isExample: true, assessments: { some: { kind: "REFERENCE", submittedAt: { not: null } } } },
    orderBy: { createdAt: "asc" },
    select: { id: true, assessments: { where: { reviewerId: userId, kind: "CALIBRATION", submittedAt: { not: null } }, select: { reviewGrade: true } } },
  });
  const attempts = Object.fromEntries(examples.flatMap((e) => e.assessments.map((a) => [e.id, a.reviewGrade] as const)));
  const threshold = activity.calibrationThreshold ?? 0;
  const reached = Object.values(attempts).some((closeness) => (closeness ?? 0) >= threshold);
  return {
    required: activity.calibrationRequired,
    threshold: activity.calibrationThreshold,
    exampleIds: examples.map((e) => e.id),
    attempts,
    passed: !activity.calibrationRequired || reached,
    exhausted: examples.length > 0 && examples.every((e) => e.id in attempts) && !reached,
  };
}

/**
 * A student's calibration attempt on an example (coursework.submit), while submissions or reviews are open. The
 * closeness to the teacher's reference is stored as the attempt's grade and shown with the reference. One attempt
 * per example — the reference is visible afterwards — until every example has been tried without passing.
 */
export async function submitCalibration(actor: Actor, input: ExampleAssessmentInput, now = new Date()) {
  const data = ExampleAssessmentSchema.parse(input);
  const example = await db.peerSubmission.findFirst({ where: { id: data.exampleId, isExample: true }, select: { id: true, activityId: true } });
  if (!example) throw new AppError("not_found");
  const { activity } = await authorizeActivity(actor, example.activityId, "coursework.submit");
  assertPhase(activity, "SUBMISSION", "ASSESSMENT");
  const reference = await db.peerAssessment.findFirst({ where: { submissionId: example.id, kind: "REFERENCE", submittedAt: { not: null } }, select: { levels: true } });
  if (!reference) throw new AppError("not_found");
  const checked = completeAssessment(activity.rubric, data);
  const closeness = calibrationCloseness(activity.rubric, checked.levels, criterionMapOf(reference.levels));

  const state = await db.$transaction(async (tx) => {
    const before = await calibrationStateOf(tx, activity, actor.id);
    if (example.id in before.attempts && !before.exhausted) throw new AppError("peer.calibration_done");
    const fields = { levels: checked.levels, comments: checked.comments, score: checked.score, reviewGrade: closeness, submittedAt: now };
    await tx.peerAssessment.upsert({
      where: { submissionId_reviewerId: { submissionId: example.id, reviewerId: actor.id } },
      create: { submissionId: example.id, reviewerId: actor.id, kind: "CALIBRATION", alias: NON_PEER_ALIAS.CALIBRATION, ...fields },
      update: fields,
    });
    return calibrationStateOf(tx, activity, actor.id);
  });
  return { courseId: activity.courseId, activityId: activity.id, closeness, passed: state.passed };
}
