import { writeAudit } from "@/lib/audit/write-audit";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { raiseEvent } from "@/lib/events/raise-event";
import { assertPhase, authorizeActivity } from "./activity";
import {
  type FlagReviewInput,
  FlagReviewSchema,
  type OverrideGradeInput,
  OverrideGradeSchema,
  type ReleaseInput,
  ReleaseSchema,
  type ResolveFlagInput,
  ResolveFlagSchema,
} from "./schemas";

/** The teacher's or assistant's grade for a submission (grades.manage); it wins over the peer grade. null clears it. */
export async function overrideGrade(actor: Actor, input: OverrideGradeInput) {
  const data = OverrideGradeSchema.parse(input);
  const submission = await db.peerSubmission.findFirst({
    where: { id: data.submissionId, isExample: false },
    select: { id: true, activityId: true, authorId: true },
  });
  if (!submission) throw new AppError("not_found");
  const { activity, access } = await authorizeActivity(actor, submission.activityId, "grades.manage");
  assertPhase(activity, "ASSESSMENT", "GRADING", "CLOSED");
  const overrideNote = data.grade === null ? null : data.note || null;
  await db.$transaction(async (tx) => {
    const before = await tx.peerSubmission.findUniqueOrThrow({ where: { id: submission.id }, select: { gradeOverride: true, overrideNote: true } });
    await tx.peerSubmission.update({ where: { id: submission.id }, data: { gradeOverride: data.grade, overrideNote } });
    await writeAudit(tx, actor, data.grade === null ? "peer.grade_override_clear" : "peer.grade_override", submission.id, {
      activityId: activity.id,
      studentId: submission.authorId,
      from: before,
      to: { gradeOverride: data.grade, overrideNote },
    }, access);
  });
  return { courseId: activity.courseId, activityId: activity.id };
}

/** Shows (or hides again) grades and reviews to students (coursework.manage), once grading evaluation has run. */
export async function releaseGrades(actor: Actor, input: ReleaseInput, now = new Date()) {
  const data = ReleaseSchema.parse(input);
  const { activity, access } = await authorizeActivity(actor, data.activityId, "coursework.manage");
  assertPhase(activity, "GRADING", "CLOSED");
  const gradesReleasedAt = data.released ? now : null;
  await db.$transaction(async (tx) => {
    const before = await tx.peerReview.findUniqueOrThrow({ where: { id: activity.id }, select: { gradesReleasedAt: true } });
    await tx.peerReview.update({ where: { id: activity.id }, data: { gradesReleasedAt } });
    await writeAudit(tx, actor, data.released ? "peer.release_grades" : "peer.unrelease_grades", activity.id, {
      activityId: activity.id,
      from: { gradesReleasedAt: before.gradesReleasedAt?.toISOString() ?? null },
      to: { gradesReleasedAt: gradesReleasedAt?.toISOString() ?? null },
    }, access);
  });
  return { courseId: activity.courseId, activityId: activity.id, released: data.released };
}

/**
 * An author flags a review of their work as unfair (coursework.submit), once the grades are out. One flag per
 * review; the teacher sees it with the reason and resolves it.
 */
export async function flagReview(actor: Actor, input: FlagReviewInput, now = new Date()) {
  const data = FlagReviewSchema.parse(input);
  const row = await db.peerAssessment.findFirst({
    where: { id: data.assessmentId, kind: "PEER", submittedAt: { not: null }, submission: { authorId: actor.id } },
    select: { id: true, flagged: true, submission: { select: { activityId: true } } },
  });
  if (!row) throw new AppError("not_found");
  const { activity } = await authorizeActivity(actor, row.submission.activityId, "coursework.submit");
  if (!activity.gradesReleasedAt || activity.gradesReleasedAt > now) throw new AppError("not_found");
  if (row.flagged) throw new AppError("peer.already_flagged");
  const updated = await db.peerAssessment.updateMany({ where: { id: row.id, flagged: false }, data: { flagged: true, flagReason: data.reason } });
  if (updated.count === 0) throw new AppError("peer.already_flagged");
  return { courseId: activity.courseId, activityId: activity.id };
}

/** The teacher or assistant marks a flag as dealt with (grades.manage), after overriding the grade or not. */
export async function resolveFlag(actor: Actor, input: ResolveFlagInput, now = new Date()) {
  const data = ResolveFlagSchema.parse(input);
  const row = await db.peerAssessment.findFirst({ where: { id: data.assessmentId, flagged: true }, select: { id: true, submission: { select: { activityId: true } } } });
  if (!row) throw new AppError("not_found");
  const { activity } = await authorizeActivity(actor, row.submission.activityId, "grades.manage");
  await db.peerAssessment.update({ where: { id: row.id }, data: { flagResolvedAt: now } });
  return { courseId: activity.courseId, activityId: activity.id };
}

const roundOf = (now: Date) => new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();

/**
 * "Remind" (grades.manage): every student with an allocated review or self-assessment not yet submitted gets a
 * WeChat push (the lead's dispatcher expands the event; the round keeps a second reminder from being swallowed).
 */
export async function remindNonReviewers(actor: Actor, { activityId }: { activityId: string }, now = new Date()) {
  const { activity } = await authorizeActivity(actor, activityId, "grades.manage");
  assertPhase(activity, "ASSESSMENT");
  const pending = await db.peerAssessment.findMany({
    where: { kind: { in: ["PEER", "SELF"] }, submittedAt: null, submission: { activityId: activity.id } },
    distinct: ["reviewerId"],
    select: { reviewerId: true },
  });
  const userIds = pending.map((p) => p.reviewerId);
  if (userIds.length > 0) {
    await db.$transaction((tx) =>
      // The round is the minute: a double click within it is one reminder (the push layer dedupes per round).
      raiseEvent(tx, { type: "peer.reminder_requested", courseId: activity.courseId, subjectId: activity.id, payload: { userIds, round: roundOf(now) } }),
    );
  }
  return { courseId: activity.courseId, activityId: activity.id, reminded: userIds.length };
}
