import type { PeerAnonymity } from "@/generated/prisma/client";
import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { type Tx, db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { instantOfLocal } from "@/lib/preclass/local-datetime";
import { type Rubric, criterionMapOf, rubricOf, scoringShape } from "@/lib/rubric/rubric";
import { levelPointsOf } from "./grades";
import { datesInOrder } from "./phases";
import { type SavePeerReviewInput, SavePeerReviewSchema } from "./schemas";

/** From most to least private; once reviewing has started an activity may only move left. */
const ANONYMITY_ORDER: PeerAnonymity[] = ["DOUBLE_BLIND", "REVIEWERS_ANONYMOUS", "OPEN"];

/**
 * Creates (in SETUP) or updates a peer review (coursework.manage). Title, instructions, dates, k, weights and
 * calibration settings may change at any time — a changed k or group rule applies to the next allocation run, and
 * grades are recomputed on demand. The rubric's scoring is fixed once a student has submitted any assessment, and
 * anonymity may only be tightened once reviewing has started, so no reviewer is exposed against what they were told.
 */
export async function savePeerReview(actor: Actor, input: SavePeerReviewInput): Promise<{ courseId: string; activityId: string }> {
  const data = SavePeerReviewSchema.parse(input);
  const { courseId } = await authorizeCourse(actor, data.courseId, "coursework.manage");
  if (!data.allowText && !data.allowFiles) throw new AppError("peer.no_submission_kind");
  if (data.allowFiles && data.fileTypes.length === 0) throw new AppError("validation", { field: "fileTypes" });
  if (data.lessonId && !(await db.lesson.findFirst({ where: { id: data.lessonId, courseId }, select: { id: true } }))) {
    throw new AppError("validation", { field: "lessonId" });
  }
  if (data.assessmentItemId && !(await db.assessmentItem.findFirst({ where: { id: data.assessmentItemId, courseId }, select: { id: true } }))) {
    throw new AppError("validation", { field: "assessmentItemId" });
  }
  const dates = [data.submissionOpensAt, data.submissionClosesAt, data.assessmentClosesAt].map((value) => (value ? instantOfLocal(value) : null));
  if (!datesInOrder(dates)) throw new AppError("peer.dates_out_of_order");
  const [submissionOpensAt, submissionClosesAt, assessmentClosesAt] = dates;

  const fields = {
    title: data.title,
    instructions: data.instructions,
    lessonId: data.lessonId,
    assessmentItemId: data.assessmentItemId,
    autoSwitch: data.autoSwitch,
    submissionOpensAt,
    submissionClosesAt,
    assessmentClosesAt,
    reviewsPerSubmission: data.reviewsPerSubmission,
    selfAssessment: data.selfAssessment,
    excludeOwnGroup: data.excludeOwnGroup,
    anonymity: data.anonymity,
    aggregation: data.aggregation,
    submissionWeight: data.submissionWeight,
    rubric: data.rubric,
    calibrationRequired: data.calibrationRequired,
    calibrationThreshold: data.calibrationRequired ? data.calibrationThreshold : null,
    allowText: data.allowText,
    allowFiles: data.allowFiles,
    fileTypes: data.fileTypes,
    maxFiles: data.maxFiles,
  };

  if (!data.activityId) {
    const created = await db.peerReview.create({ data: { courseId, createdById: actor.id, ...fields }, select: { id: true } });
    return { courseId, activityId: created.id };
  }
  const activityId = data.activityId;
  await db.$transaction(async (tx) => {
    const existing = await tx.peerReview.findFirst({ where: { id: activityId, courseId }, select: { phase: true, anonymity: true, rubric: true, submissionClosesAt: true } });
    if (!existing) throw new AppError("not_found");
    const rubricChanged = scoringShape(rubricOf(existing.rubric)) !== scoringShape(data.rubric);
    if (rubricChanged) {
      const assessed = await tx.peerAssessment.count({
        where: { submission: { activityId }, kind: { not: "REFERENCE" }, submittedAt: { not: null } },
      });
      if (assessed > 0) throw new AppError("peer.rubric_locked");
      await resetStaleReferences(tx, activityId, data.rubric);
    }
    const reviewing = existing.phase !== "SETUP" && existing.phase !== "SUBMISSION";
    if (reviewing && ANONYMITY_ORDER.indexOf(data.anonymity) > ANONYMITY_ORDER.indexOf(existing.anonymity)) {
      throw new AppError("peer.anonymity_locked");
    }
    await tx.peerReview.update({ where: { id: activityId }, data: fields });
    if (existing.submissionClosesAt?.getTime() !== submissionClosesAt?.getTime()) await recomputeLate(tx, activityId, submissionClosesAt);
  });
  return { courseId, activityId };
}

/** A reference assessment whose levels no longer fit the rubric must be done again. */
async function resetStaleReferences(tx: Tx, activityId: string, rubric: Rubric) {
  const references = await tx.peerAssessment.findMany({
    where: { kind: "REFERENCE", submittedAt: { not: null }, submission: { activityId } },
    select: { id: true, levels: true },
  });
  const stale = references.filter((r) => !levelPointsOf(rubric, criterionMapOf(r.levels))).map((r) => r.id);
  if (stale.length) await tx.peerAssessment.updateMany({ where: { id: { in: stale } }, data: { submittedAt: null, score: null } });
}

async function recomputeLate(tx: Tx, activityId: string, closesAt: Date | null) {
  await tx.peerSubmission.updateMany({ where: { activityId, isExample: false }, data: { late: false } });
  if (closesAt) await tx.peerSubmission.updateMany({ where: { activityId, isExample: false, submittedAt: { gt: closesAt } }, data: { late: true } });
}
