import type { Prisma } from "@/generated/prisma/client";
import { type Actor, type AuthorizedCourse, type CourseAction, authorizeCourse, isWellFormedId } from "@/lib/auth/authz";
import { type Tx, db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type Rubric, rubricOf } from "@/lib/rubric/rubric";
import type { PeerPhase } from "./schemas";

/** Allocation and grading write a row per review; a big cohort needs longer than Prisma's 5 s default. */
export const LONG_TX = { timeout: 60_000, maxWait: 10_000 } as const;

export const ACTIVITY_SELECT = {
  id: true,
  courseId: true,
  lessonId: true,
  assessmentItemId: true,
  title: true,
  instructions: true,
  phase: true,
  autoSwitch: true,
  submissionOpensAt: true,
  submissionClosesAt: true,
  assessmentClosesAt: true,
  reviewsPerSubmission: true,
  selfAssessment: true,
  excludeOwnGroup: true,
  anonymity: true,
  aggregation: true,
  submissionWeight: true,
  rubric: true,
  calibrationRequired: true,
  calibrationThreshold: true,
  allowText: true,
  allowFiles: true,
  fileTypes: true,
  maxFiles: true,
  allocatedAt: true,
  allocationReport: true,
  gradesReleasedAt: true,
} satisfies Prisma.PeerReviewSelect;

export type ActivityRow = Prisma.PeerReviewGetPayload<{ select: typeof ACTIVITY_SELECT }>;
export type Activity = Omit<ActivityRow, "rubric"> & { rubric: Rubric };

/** The stored rubric; one that no longer parses is treated as empty (nothing can be assessed against it). */
export const withRubric = (row: ActivityRow): Activity => ({ ...row, rubric: rubricOf(row.rubric) ?? [] });

export async function loadActivity(client: Tx | typeof db, activityId: string): Promise<Activity> {
  if (!isWellFormedId(activityId)) throw new AppError("not_found");
  const row = await client.peerReview.findUnique({ where: { id: activityId }, select: ACTIVITY_SELECT });
  if (!row) throw new AppError("not_found");
  return withRubric(row);
}

/**
 * The activity and the actor's rights on its course. Students never see an activity still in SETUP: for them it
 * does not exist yet.
 */
export async function authorizeActivity(actor: Actor, activityId: string, action: CourseAction): Promise<{ activity: Activity; access: AuthorizedCourse }> {
  const activity = await loadActivity(db, activityId);
  const access = await authorizeCourse(actor, activity.courseId, action);
  if (access.memberRole === "STUDENT" && activity.phase === "SETUP") throw new AppError("not_found");
  return { activity, access };
}

export function assertPhase(activity: { phase: PeerPhase }, ...phases: PeerPhase[]): void {
  if (!phases.includes(activity.phase)) throw new AppError("peer.wrong_phase", { phase: activity.phase });
}

/** 评审人 A, B … Z, then AA, AB …: the aliases authors see instead of names. */
export function aliasAt(index: number): string {
  let n = index;
  let out = "";
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

/** Aliases of assessments that are not peer reviews (never shown as 评审人 letters). */
export const NON_PEER_ALIAS = { SELF: "SELF", CALIBRATION: "CAL", REFERENCE: "REF" } as const;

const ALIAS_PATTERN = /^[A-Z]+$/;

function aliasIndex(alias: string): number {
  let n = 0;
  for (const char of alias) n = n * 26 + (char.charCodeAt(0) - 64);
  return n - 1;
}

/** The next alias on a submission: after the highest one in use, so the letters follow the order reviewers came. */
export function nextAlias(used: readonly string[]): string {
  const reserved: readonly string[] = Object.values(NON_PEER_ALIAS);
  const highest = Math.max(-1, ...used.filter((a) => ALIAS_PATTERN.test(a) && !reserved.includes(a)).map(aliasIndex));
  return aliasAt(highest + 1);
}

