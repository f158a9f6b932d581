import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertPhase, authorizeActivity, nextAlias } from "./activity";
import { type RemoveReviewerInput, RemoveReviewerSchema, type ReviewerChangeInput, ReviewerChangeSchema } from "./schemas";

async function submissionOf(submissionId: string) {
  const submission = await db.peerSubmission.findFirst({
    where: { id: submissionId, isExample: false },
    select: { id: true, activityId: true, authorId: true },
  });
  if (!submission) throw new AppError("not_found");
  return submission;
}

/**
 * The teacher adds a reviewer to a submission by hand (coursework.manage): any student of the course except the
 * author. Against the activity's group rule it is allowed but reported back as a warning.
 */
export async function addReviewer(actor: Actor, input: ReviewerChangeInput) {
  const data = ReviewerChangeSchema.parse(input);
  const submission = await submissionOf(data.submissionId);
  const { activity } = await authorizeActivity(actor, submission.activityId, "coursework.manage");
  assertPhase(activity, "SUBMISSION", "ASSESSMENT", "GRADING");
  if (data.reviewerId === submission.authorId) throw new AppError("peer.self_review");
  const members = await db.courseMember.findMany({
    where: { courseId: activity.courseId, role: "STUDENT", userId: { in: [data.reviewerId, submission.authorId ?? ""] } },
    select: { userId: true, groupId: true },
  });
  const reviewer = members.find((m) => m.userId === data.reviewerId);
  if (!reviewer) throw new AppError("peer.not_reviewer");
  const author = members.find((m) => m.userId === submission.authorId);
  const sameGroup = activity.excludeOwnGroup && !!reviewer.groupId && reviewer.groupId === author?.groupId;
  const assessmentId = await db.$transaction(async (tx) => {
    const existing = await tx.peerAssessment.findMany({ where: { submissionId: submission.id }, select: { reviewerId: true, kind: true, alias: true } });
    if (existing.some((a) => a.reviewerId === data.reviewerId)) throw new AppError("conflict");
    const created = await tx.peerAssessment.create({
      data: {
        submissionId: submission.id,
        reviewerId: data.reviewerId,
        kind: "PEER",
        manual: true,
        alias: nextAlias(existing.filter((a) => a.kind === "PEER").map((a) => a.alias)),
      },
      select: { id: true },
    });
    return created.id;
  });
  return { courseId: activity.courseId, activityId: activity.id, assessmentId, warning: sameGroup ? ("same_group" as const) : null };
}

/** The teacher removes a reviewer (coursework.manage); a review already written goes with it. */
export async function removeReviewer(actor: Actor, input: RemoveReviewerInput) {
  const data = RemoveReviewerSchema.parse(input);
  const row = await db.peerAssessment.findFirst({ where: { id: data.assessmentId, kind: "PEER" }, select: { id: true, submission: { select: { activityId: true } } } });
  if (!row) throw new AppError("not_found");
  const { activity } = await authorizeActivity(actor, row.submission.activityId, "coursework.manage");
  assertPhase(activity, "SUBMISSION", "ASSESSMENT", "GRADING");
  await db.peerAssessment.delete({ where: { id: row.id } });
  return { courseId: activity.courseId, activityId: activity.id };
}
