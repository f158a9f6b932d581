import type { PeerAssessmentKind } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { criterionMapOf } from "@/lib/rubric/rubric";
import { type Activity, authorizeActivity } from "./activity";
import { type SubmissionFlag, activityGrade, effectiveSubmissionGrade, gradeSubmission, reviewingGrade } from "./grades";
import { duePhase } from "./phases";
import type { AllocationReport } from "./run-allocation";
import type { PeerPhase } from "./schemas";

/** Reviews at least this far from their submission's consensus (distance 0–1, grades.ts) are listed as disagreeing. */
export const DISAGREEMENT_DISTANCE = 0.25;

export interface TeacherAssessment {
  id: string;
  reviewerId: string;
  reviewerName: string;
  reviewerNo: string;
  alias: string;
  kind: PeerAssessmentKind;
  manual: boolean;
  submittedAt: Date | null;
  score: number | null;
  reviewGrade: number | null;
  levels: Record<string, string>;
  comments: Record<string, string>;
  /** Distance from the consensus of the submission's submitted peer reviews (null when not submitted or a self-assessment). */
  consensusDistance: number | null;
  flagged: boolean;
  flagReason: string | null;
  flagResolvedAt: Date | null;
}

export interface TeacherSubmission {
  id: string;
  authorId: string;
  authorName: string;
  authorNo: string;
  groupName: string | null;
  text: string;
  late: boolean;
  submittedAt: Date;
  files: { id: string; name: string; size: number; mimeType: string }[];
  grade: number | null;
  gradeOverride: number | null;
  overrideNote: string | null;
  flags: SubmissionFlag[];
  assessments: TeacherAssessment[];
}

export interface TeacherStudentRow {
  id: string;
  name: string;
  no: string;
  groupName: string | null;
  submitted: boolean;
  reviewsAllocated: number;
  reviewsDone: number;
  selfPending: boolean;
  calibrationCloseness: number | null;
  submissionGrade: number | null;
  overridden: boolean;
  reviewingGrade: number | null;
  activityGrade: number | null;
}

export interface TeacherPeerView {
  activity: Activity;
  canManage: boolean;
  canGrade: boolean;
  /** The phase the dates call for but the activity could not reach by itself (e.g. no reference yet). */
  overduePhase: PeerPhase | null;
  examples: {
    id: string;
    text: string;
    reference: { levels: Record<string, string>; comments: Record<string, string>; submittedAt: Date | null } | null;
    calibrations: number;
  }[];
  lessons: { id: string; title: string }[];
  assessmentItems: { id: string; name: string }[];
  submissions: TeacherSubmission[];
  students: TeacherStudentRow[];
  disagreements: { assessmentId: string; submissionId: string; authorName: string; reviewerName: string; alias: string; distance: number; score: number | null }[];
  flags: { assessmentId: string; submissionId: string; authorName: string; reviewerName: string; alias: string; reason: string; resolvedAt: Date | null }[];
  allocationReport: AllocationReport | null;
}

function reportOf(value: unknown): AllocationReport | null {
  return value && typeof value === "object" && "shortfall" in value ? (value as AllocationReport) : null;
}

/** The teacher's page of one peer review (grades.view): everything, with names. */
export async function getPeerReviewForTeacher(actor: Actor, activityId: string, now = new Date()): Promise<TeacherPeerView> {
  const { activity, access } = await authorizeActivity(actor, activityId, "grades.view");
  const [members, submissions, examples, calibrations, lessons, assessmentItems] = await Promise.all([
    db.courseMember.findMany({
      where: { courseId: activity.courseId, role: "STUDENT" },
      orderBy: { user: { no: "asc" } },
      select: { user: { select: { id: true, name: true, no: true } }, group: { select: { name: true } } },
    }),
    db.peerSubmission.findMany({
      where: { activityId: activity.id, isExample: false },
      orderBy: { submittedAt: "asc" },
      select: {
        id: true,
        authorId: true,
        text: true,
        late: true,
        submittedAt: true,
        grade: true,
        gradeOverride: true,
        overrideNote: true,
        author: { select: { name: true, no: true } },
        files: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true, mimeType: true } },
        assessments: {
          where: { kind: { in: ["PEER", "SELF"] } },
          orderBy: [{ kind: "asc" }, { alias: "asc" }],
          select: {
            id: true,
            reviewerId: true,
            alias: true,
            kind: true,
            manual: true,
            submittedAt: true,
            score: true,
            reviewGrade: true,
            levels: true,
            comments: true,
            flagged: true,
            flagReason: true,
            flagResolvedAt: true,
            reviewer: { select: { name: true, no: true } },
          },
        },
      },
    }),
    db.peerSubmission.findMany({
      where: { activityId: activity.id, isExample: true },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        text: true,
        assessments: { where: { kind: { in: ["REFERENCE", "CALIBRATION"] } }, select: { kind: true, levels: true, comments: true, submittedAt: true } },
      },
    }),
    db.peerAssessment.findMany({
      where: { kind: "CALIBRATION", submittedAt: { not: null }, submission: { activityId: activity.id } },
      select: { reviewerId: true, reviewGrade: true },
    }),
    db.lesson.findMany({ where: { courseId: activity.courseId }, orderBy: { position: "asc" }, select: { id: true, title: true } }),
    db.assessmentItem.findMany({ where: { courseId: activity.courseId }, orderBy: { position: "asc" }, select: { id: true, name: true } }),
  ]);
  const groupOf = new Map(members.map((m) => [m.user.id, m.group?.name ?? null]));

  const teacherSubmissions: TeacherSubmission[] = submissions.map((s) => {
    const peers = s.assessments.filter((a) => a.kind === "PEER");
    const grading = gradeSubmission(activity.rubric, activity.aggregation, peers.map((a) => ({ id: a.id, levels: a.submittedAt ? criterionMapOf(a.levels) : null })));
    return {
      id: s.id,
      authorId: s.authorId!,
      authorName: s.author?.name ?? "",
      authorNo: s.author?.no ?? "",
      groupName: groupOf.get(s.authorId!) ?? null,
      text: s.text,
      late: s.late,
      submittedAt: s.submittedAt,
      files: s.files.map((f) => ({ id: f.id, name: f.fileName, size: f.size, mimeType: f.mimeType })),
      grade: s.grade,
      gradeOverride: s.gradeOverride,
      overrideNote: s.overrideNote,
      flags: grading.flags,
      assessments: s.assessments.map((a) => ({
        id: a.id,
        reviewerId: a.reviewerId,
        reviewerName: a.reviewer.name,
        reviewerNo: a.reviewer.no,
        alias: a.alias,
        kind: a.kind,
        manual: a.manual,
        submittedAt: a.submittedAt,
        score: a.score,
        reviewGrade: a.reviewGrade,
        levels: criterionMapOf(a.levels),
        comments: criterionMapOf(a.comments),
        consensusDistance: grading.consensusDistance[a.id] ?? null,
        flagged: a.flagged,
        flagReason: a.flagReason,
        flagResolvedAt: a.flagResolvedAt,
      })),
    };
  });

  const all = teacherSubmissions.flatMap((s) => s.assessments.map((a) => ({ s, a })));
  const students: TeacherStudentRow[] = members.map(({ user }) => {
    const own = teacherSubmissions.find((s) => s.authorId === user.id);
    const mine = all.filter(({ a }) => a.reviewerId === user.id);
    const peer = mine.filter(({ a }) => a.kind === "PEER");
    const effective = effectiveSubmissionGrade(own?.grade ?? null, own?.gradeOverride ?? null);
    const reviewing = reviewingGrade(peer.map(({ a }) => ({ reviewGrade: a.reviewGrade, submitted: !!a.submittedAt })));
    const closeness = calibrations.filter((c) => c.reviewerId === user.id).map((c) => c.reviewGrade ?? 0);
    return {
      id: user.id,
      name: user.name,
      no: user.no,
      groupName: groupOf.get(user.id) ?? null,
      submitted: !!own,
      reviewsAllocated: peer.length,
      reviewsDone: peer.filter(({ a }) => a.submittedAt).length,
      selfPending: mine.some(({ a }) => a.kind === "SELF" && !a.submittedAt),
      calibrationCloseness: closeness.length ? Math.max(...closeness) : null,
      submissionGrade: effective.grade,
      overridden: effective.overridden,
      reviewingGrade: reviewing,
      activityGrade: activityGrade(effective.grade, reviewing, activity.submissionWeight),
    };
  });

  return {
    activity,
    canManage: access.actions.has("coursework.manage"),
    canGrade: access.actions.has("grades.manage"),
    overduePhase: activity.autoSwitch ? duePhase(activity, now) : null,
    examples: examples.map((e) => {
      const reference = e.assessments.find((a) => a.kind === "REFERENCE");
      return {
        id: e.id,
        text: e.text,
        reference: reference ? { levels: criterionMapOf(reference.levels), comments: criterionMapOf(reference.comments), submittedAt: reference.submittedAt } : null,
        calibrations: e.assessments.filter((a) => a.kind === "CALIBRATION" && a.submittedAt).length,
      };
    }),
    lessons,
    assessmentItems,
    submissions: teacherSubmissions,
    students,
    disagreements: all
      .filter(({ a }) => a.kind === "PEER" && (a.consensusDistance ?? 0) >= DISAGREEMENT_DISTANCE)
      .sort((x, y) => (y.a.consensusDistance ?? 0) - (x.a.consensusDistance ?? 0))
      .map(({ s, a }) => ({ assessmentId: a.id, submissionId: s.id, authorName: s.authorName, reviewerName: a.reviewerName, alias: a.alias, distance: a.consensusDistance!, score: a.score })),
    flags: all
      .filter(({ a }) => a.flagged)
      .map(({ s, a }) => ({ assessmentId: a.id, submissionId: s.id, authorName: s.authorName, reviewerName: a.reviewerName, alias: a.alias, reason: a.flagReason ?? "", resolvedAt: a.flagResolvedAt })),
    allocationReport: reportOf(activity.allocationReport),
  };
}
