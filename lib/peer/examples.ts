import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { criterionMapOf } from "@/lib/rubric/rubric";
import { NON_PEER_ALIAS, assertPhase, authorizeActivity, loadActivity } from "./activity";
import { completeAssessment } from "./assessment-input";
import { calibrationCloseness } from "./grades";
import {
  type ExampleAssessmentInput,
  ExampleAssessmentSchema,
  type ExampleRefInput,
  ExampleRefSchema,
  PEER_LIMITS,
  type SaveExampleInput,
  SaveExampleSchema,
} from "./schemas";

async function authorizeExample(actor: Actor, exampleId: string) {
  const example = await db.peerSubmission.findFirst({ where: { id: exampleId, isExample: true }, select: { id: true, activityId: true } });
  if (!example) throw new AppError("not_found");
  const { activity } = await authorizeActivity(actor, example.activityId, "coursework.manage");
  return { example, activity };
}

/** Adds (up to 3) or edits an example submission for calibration (coursework.manage), before closing. */
export async function saveExample(actor: Actor, input: SaveExampleInput) {
  const data = SaveExampleSchema.parse(input);
  const { activity } = await authorizeActivity(actor, data.activityId, "coursework.manage");
  assertPhase(activity, "SETUP", "SUBMISSION", "ASSESSMENT");
  if (data.exampleId) {
    const updated = await db.peerSubmission.updateMany({ where: { id: data.exampleId, activityId: activity.id, isExample: true }, data: { text: data.text } });
    if (updated.count === 0) throw new AppError("not_found");
    return { courseId: activity.courseId, activityId: activity.id, exampleId: data.exampleId };
  }
  const exampleId = await db.$transaction(async (tx) => {
    await tx.peerReview.update({ where: { id: activity.id }, data: { updatedAt: new Date() } });
    if ((await tx.peerSubmission.count({ where: { activityId: activity.id, isExample: true } })) >= PEER_LIMITS.examples) {
      throw new AppError("peer.too_many_examples");
    }
    const created = await tx.peerSubmission.create({ data: { activityId: activity.id, isExample: true, text: data.text }, select: { id: true } });
    return created.id;
  });
  return { courseId: activity.courseId, activityId: activity.id, exampleId };
}

/** Removes an example nobody has calibrated on yet (coursework.manage). */
export async function deleteExample(actor: Actor, input: ExampleRefInput) {
  const { exampleId } = ExampleRefSchema.parse(input);
  const { example, activity } = await authorizeExample(actor, exampleId);
  if (await db.peerAssessment.count({ where: { submissionId: example.id, kind: "CALIBRATION" } })) throw new AppError("conflict");
  await db.peerSubmission.delete({ where: { id: example.id } });
  return { courseId: activity.courseId, activityId: activity.id };
}

/**
 * The teacher's reference assessment of an example (coursework.manage): complete levels and comments. There is one
 * per example — it replaces any earlier one, also another teacher's — and calibration attempts already made are
 * measured against the new reference.
 */
export async function saveReference(actor: Actor, input: ExampleAssessmentInput, now = new Date()) {
  const data = ExampleAssessmentSchema.parse(input);
  const { example, activity } = await authorizeExample(actor, data.exampleId);
  assertPhase(activity, "SETUP", "SUBMISSION", "ASSESSMENT");
  const fresh = await loadActivity(db, activity.id);
  const { levels, comments, score } = completeAssessment(fresh.rubric, data);
  await db.$transaction(async (tx) => {
    await tx.peerAssessment.deleteMany({ where: { submissionId: example.id, kind: "REFERENCE", reviewerId: { not: actor.id } } });
    await tx.peerAssessment.upsert({
      where: { submissionId_reviewerId: { submissionId: example.id, reviewerId: actor.id } },
      create: { submissionId: example.id, reviewerId: actor.id, kind: "REFERENCE", alias: NON_PEER_ALIAS.REFERENCE, levels, comments, score, submittedAt: now },
      update: { kind: "REFERENCE", levels, comments, score, submittedAt: now },
    });
    const attempts = await tx.peerAssessment.findMany({ where: { submissionId: example.id, kind: "CALIBRATION", submittedAt: { not: null } }, select: { id: true, levels: true } });
    for (const attempt of attempts) {
      await tx.peerAssessment.update({ where: { id: attempt.id }, data: { reviewGrade: calibrationCloseness(fresh.rubric, criterionMapOf(attempt.levels), levels) } });
    }
  });
  return { courseId: activity.courseId, activityId: activity.id, exampleId: example.id };
}
