import { randomInt } from "node:crypto";
import type { Actor } from "@/lib/auth/authz";
import { type Tx, db } from "@/lib/db";
import { seededRandom } from "@/lib/demo/seed";
import { type Activity, LONG_TX, NON_PEER_ALIAS, assertPhase, authorizeActivity, nextAlias } from "./activity";
import { type Shortfall, allocateReviews, shuffled } from "./allocate";

export interface AllocationReport {
  /** The seed of the run, so that it can be repeated. */
  seed: number;
  at: string;
  k: number;
  created: number;
  shortfall: Shortfall[];
}

/**
 * Allocates reviews for every submission of the activity (see allocate.ts), keeping every existing assignment, and
 * gives each author a self-assessment when the activity asks for one. Reviewers are the students who submitted and
 * are still in the course: someone who did not hand in anything does not see others' work. Authors who joined after
 * an earlier run (late submitters) and review nobody yet are topped up to k reviews (allocate.ts, guarantee 7).
 */
export async function runAllocationTx(
  tx: Tx,
  activity: Pick<Activity, "id" | "courseId" | "reviewsPerSubmission" | "excludeOwnGroup" | "selfAssessment">,
  now: Date,
  { seed = randomInt(2 ** 31) } = {},
): Promise<AllocationReport> {
  // Locks the activity row: two runs at once (a late submission and the teacher's button) go one after the other.
  await tx.peerReview.update({ where: { id: activity.id }, data: { updatedAt: now } });
  const [submissions, members] = await Promise.all([
    tx.peerSubmission.findMany({
      where: { activityId: activity.id, isExample: false, authorId: { not: null } },
      orderBy: { submittedAt: "asc" },
      select: {
        id: true,
        authorId: true,
        late: true,
        assessments: { select: { reviewerId: true, kind: true, alias: true } },
      },
    }),
    tx.courseMember.findMany({ where: { courseId: activity.courseId, role: "STUDENT" }, select: { userId: true, groupId: true } }),
  ]);
  const groupOf = new Map(members.map((m) => [m.userId, m.groupId]));
  const current = submissions.filter((s) => groupOf.has(s.authorId!));

  const existing = current.flatMap((s) => s.assessments.filter((a) => a.kind === "PEER").map((a) => ({ submissionId: s.id, reviewerId: a.reviewerId })));
  const reviewing = new Set(existing.map((a) => a.reviewerId));
  const topUp = existing.length > 0 ? current.map((s) => s.authorId!).filter((id) => !reviewing.has(id)) : [];
  const result = allocateReviews({
    submissions: current.map((s) => ({ id: s.id, authorId: s.authorId, groupId: groupOf.get(s.authorId!) ?? null, late: s.late })),
    reviewers: current.map((s) => ({ id: s.authorId!, groupId: groupOf.get(s.authorId!) ?? null })),
    k: activity.reviewsPerSubmission,
    excludeOwnGroup: activity.excludeOwnGroup,
    existing,
    random: seededRandom(seed),
    topUp,
  });

  const used = new Map(current.map((s) => [s.id, s.assessments.filter((a) => a.kind === "PEER").map((a) => a.alias)]));
  // In random order: the letters an author sees and the order of a reviewer's queue must not follow user ids (which
  // follow account creation, so 学号 order) or submission times.
  const rows: { submissionId: string; reviewerId: string; kind: "PEER" | "SELF"; alias: string }[] = shuffled(result.assignments, seededRandom(seed + 1)).map(({ submissionId, reviewerId }) => {
    const alias = nextAlias(used.get(submissionId)!);
    used.get(submissionId)!.push(alias);
    return { submissionId, reviewerId, kind: "PEER", alias };
  });
  if (activity.selfAssessment) {
    for (const s of current) {
      if (!s.assessments.some((a) => a.kind === "SELF")) rows.push({ submissionId: s.id, reviewerId: s.authorId!, kind: "SELF", alias: NON_PEER_ALIAS.SELF });
    }
  }
  await tx.peerAssessment.createMany({ data: rows });

  const report: AllocationReport = { seed, at: now.toISOString(), k: activity.reviewsPerSubmission, created: result.assignments.length, shortfall: result.shortfall };
  await tx.peerReview.update({ where: { id: activity.id }, data: { allocatedAt: now, allocationReport: { ...report, shortfall: report.shortfall.map((s) => ({ ...s })) } } });
  return report;
}

/** The teacher's "allocate now" (coursework.manage): folds in whatever arrived since the last run. */
export async function allocateNow(actor: Actor, { activityId }: { activityId: string }, now = new Date()): Promise<AllocationReport & { courseId: string; activityId: string }> {
  const { activity } = await authorizeActivity(actor, activityId, "coursework.manage");
  assertPhase(activity, "SUBMISSION", "ASSESSMENT");
  const report = await db.$transaction((tx) => runAllocationTx(tx, activity, now), LONG_TX);
  return { ...report, courseId: activity.courseId, activityId: activity.id };
}
