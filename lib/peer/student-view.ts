import type { PeerAnonymity } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { extensionOf } from "@/lib/uploads/file-types";
import { type Rubric, criterionMapOf } from "@/lib/rubric/rubric";
import { type Activity, authorizeActivity } from "./activity";
import { type CalibrationState, calibrationStateOf } from "./calibration";
import { activityGrade, effectiveSubmissionGrade, reviewingGrade } from "./grades";
import type { PeerPhase } from "./schemas";

/**
 * Everything a student sees of a peer review, built so that anonymity holds: no user id, 学号 or name of another
 * student appears unless the activity's anonymity mode says so (reviewers see authors' names in REVIEWERS_ANONYMOUS
 * and OPEN; authors see reviewers' names only in OPEN), reviewers appear as their alias (评审人 A/B/C), the work
 * under review is addressed by the review's own id, and its files by id with a generic name (提交材料-1.pdf), never
 * the uploaded name. anonymity.test.ts scans these objects for every other student's name, 学号 and id.
 */

export type StudentTodo =
  | "submit" // submission phase, nothing handed in yet
  | "submit_late" // assessment phase, nothing handed in: one late submission is still accepted
  | "calibrate" // calibration required and not passed
  | "wait_assessment" // handed in; reviews have not opened
  | "review" // peer reviews to do
  | "self" // only the self-assessment left
  | "wait_grades" // all done; grades not out yet
  | "results" // grades released
  | "closed"; // closed without a part for this student

export interface FileLink {
  id: string;
  name: string;
  size: number;
  mimeType: string;
}

export interface StudentReview {
  /** The assessment's id: the only handle on the work under review. */
  id: string;
  /** 1-based place in the student's queue: "作品 1". */
  position: number;
  kind: "PEER" | "SELF";
  /** Only when the anonymity mode lets reviewers see authors. */
  authorName: string | null;
  text: string;
  files: FileLink[];
  levels: Record<string, string>;
  comments: Record<string, string>;
  submittedAt: Date | null;
  editable: boolean;
}

export interface ReceivedReview {
  id: string;
  /** "A", "B" … */
  alias: string;
  /** Only in OPEN mode. */
  reviewerName: string | null;
  levels: Record<string, string>;
  comments: Record<string, string>;
  score: number | null;
  flagged: boolean;
  flagReason: string | null;
  flagResolved: boolean;
}

export interface StudentExample {
  id: string;
  position: number;
  text: string;
  attempted: boolean;
  canAttempt: boolean;
  closeness: number | null;
  mine: { levels: Record<string, string>; comments: Record<string, string> } | null;
  /** The teacher's reference, once the student has made their own attempt. */
  reference: { levels: Record<string, string>; comments: Record<string, string> } | null;
}

export interface StudentPeerView {
  activity: {
    id: string;
    courseId: string;
    courseTitle: string;
    title: string;
    instructions: string;
    phase: PeerPhase;
    submissionOpensAt: Date | null;
    submissionClosesAt: Date | null;
    assessmentClosesAt: Date | null;
    reviewsPerSubmission: number;
    selfAssessment: boolean;
    anonymity: PeerAnonymity;
    rubric: Rubric;
    allowText: boolean;
    allowFiles: boolean;
    fileTypes: string[];
    maxFiles: number;
    submissionWeight: number;
    calibrationRequired: boolean;
    calibrationThreshold: number | null;
  };
  todo: StudentTodo;
  mySubmission: { text: string; late: boolean; submittedAt: Date; files: FileLink[] } | null;
  /** Submit or replace now (replace only in the submission phase). */
  canSubmit: boolean;
  calibration: { required: boolean; threshold: number | null; passed: boolean; exhausted: boolean; examples: StudentExample[] };
  reviews: StudentReview[];
  results: {
    grade: number | null;
    overridden: boolean;
    reviews: ReceivedReview[];
    self: { levels: Record<string, string>; comments: Record<string, string>; score: number | null } | null;
    reviewingGrade: number | null;
    activityGrade: number | null;
    reviewsDone: number;
    reviewsAllocated: number;
  } | null;
}

/** "提交材料-1.pdf": what a reviewer sees and downloads instead of the uploaded name. */
export const genericFileName = (position: number, fileName: string): string => {
  const ext = extensionOf(fileName);
  return `提交材料-${position}${ext ? `.${ext}` : ""}`;
};

const genericFiles = (files: { id: string; fileName: string; size: number; mimeType: string }[]): FileLink[] =>
  files.map((f, i) => ({ id: f.id, name: genericFileName(i + 1, f.fileName), size: f.size, mimeType: f.mimeType }));

const isReleased = (activity: Pick<Activity, "gradesReleasedAt">, now: Date) => !!activity.gradesReleasedAt && activity.gradesReleasedAt <= now;

export function todoOf(
  activity: Pick<Activity, "phase" | "gradesReleasedAt">,
  state: { submitted: boolean; calibration: Pick<CalibrationState, "passed" | "exampleIds">; pendingPeer: number; pendingSelf: number },
  now: Date,
): StudentTodo {
  const mustCalibrate = !state.calibration.passed && state.calibration.exampleIds.length > 0;
  switch (activity.phase) {
    case "SETUP":
    case "SUBMISSION":
      if (!state.submitted) return "submit";
      return mustCalibrate ? "calibrate" : "wait_assessment";
    case "ASSESSMENT":
      // Reviews first: a student the teacher added as a reviewer may have them without having handed in.
      if (mustCalibrate && state.pendingPeer > 0) return "calibrate";
      if (state.pendingPeer > 0) return "review";
      if (state.pendingSelf > 0) return "self";
      return state.submitted ? "wait_grades" : "submit_late";
    default:
      if (isReleased(activity, now)) return state.submitted ? "results" : "closed";
      return activity.phase === "GRADING" && state.submitted ? "wait_grades" : "closed";
  }
}

/** The student's page of one peer review (coursework.submit). */
export async function getPeerReviewForStudent(actor: Actor, activityId: string, now = new Date()): Promise<StudentPeerView> {
  const { activity } = await authorizeActivity(actor, activityId, "coursework.submit");
  const showAuthors = activity.anonymity !== "DOUBLE_BLIND";
  const showReviewers = activity.anonymity === "OPEN";
  const released = isReleased(activity, now);

  const [course, mine, assigned, examples, calibration] = await Promise.all([
    db.course.findUniqueOrThrow({ where: { id: activity.courseId }, select: { title: true } }),
    db.peerSubmission.findUnique({
      where: { activityId_authorId: { activityId: activity.id, authorId: actor.id } },
      select: {
        id: true,
        text: true,
        late: true,
        submittedAt: true,
        grade: true,
        gradeOverride: true,
        files: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true, mimeType: true } },
        assessments: {
          where: { kind: { in: ["PEER", "SELF"] } },
          orderBy: { alias: "asc" },
          select: {
            id: true,
            kind: true,
            alias: true,
            levels: true,
            comments: true,
            score: true,
            submittedAt: true,
            flagged: true,
            flagReason: true,
            flagResolvedAt: true,
            reviewer: { select: { name: true } },
          },
        },
      },
    }),
    db.peerAssessment.findMany({
      where: { reviewerId: actor.id, kind: { in: ["PEER", "SELF"] }, submission: { activityId: activity.id } },
      orderBy: [{ kind: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        kind: true,
        levels: true,
        comments: true,
        submittedAt: true,
        reviewGrade: true,
        submission: {
          select: {
            text: true,
            author: { select: { name: true } },
            files: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true, mimeType: true } },
          },
        },
      },
    }),
    db.peerSubmission.findMany({
      where: { activityId: activity.id, isExample: true, assessments: { some: { kind: "REFERENCE", submittedAt: { not: null } } } },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        text: true,
        assessments: {
          where: { OR: [{ kind: "REFERENCE", submittedAt: { not: null } }, { kind: "CALIBRATION", reviewerId: actor.id }] },
          select: { kind: true, levels: true, comments: true, submittedAt: true, reviewGrade: true },
        },
      },
    }),
    calibrationStateOf(db, activity, actor.id),
  ]);

  const peerRows = assigned.filter((a) => a.kind === "PEER");
  const selfRows = assigned.filter((a) => a.kind === "SELF");
  const todo = todoOf(
    activity,
    { submitted: !!mine, calibration, pendingPeer: peerRows.filter((a) => !a.submittedAt).length, pendingSelf: selfRows.filter((a) => !a.submittedAt).length },
    now,
  );

  const reviewsVisible = activity.phase !== "SETUP" && activity.phase !== "SUBMISSION";
  const assessing = activity.phase === "ASSESSMENT";
  const reviews: StudentReview[] = !reviewsVisible
    ? []
    : [...peerRows.filter(() => calibration.passed), ...selfRows].map((a, i) => ({
        id: a.id,
        position: i + 1,
        kind: a.kind as "PEER" | "SELF",
        authorName: a.kind === "PEER" && showAuthors ? (a.submission.author?.name ?? null) : null,
        text: a.submission.text,
        // Own files keep their names in a self-assessment; others' never do.
        files: a.kind === "SELF" ? a.submission.files.map((f) => ({ id: f.id, name: f.fileName, size: f.size, mimeType: f.mimeType })) : genericFiles(a.submission.files),
        levels: criterionMapOf(a.levels),
        comments: criterionMapOf(a.comments),
        submittedAt: a.submittedAt,
        editable: assessing,
      }));

  const calibrationOpen = activity.phase === "SUBMISSION" || activity.phase === "ASSESSMENT";
  const exampleViews: StudentExample[] = examples.map((e, i) => {
    const reference = e.assessments.find((a) => a.kind === "REFERENCE");
    const attempt = e.assessments.find((a) => a.kind === "CALIBRATION" && a.submittedAt);
    return {
      id: e.id,
      position: i + 1,
      text: e.text,
      attempted: !!attempt,
      canAttempt: calibrationOpen && (!attempt || calibration.exhausted),
      closeness: attempt?.reviewGrade ?? null,
      mine: attempt ? { levels: criterionMapOf(attempt.levels), comments: criterionMapOf(attempt.comments) } : null,
      reference: attempt && reference ? { levels: criterionMapOf(reference.levels), comments: criterionMapOf(reference.comments) } : null,
    };
  });

  let results: StudentPeerView["results"] = null;
  if (released && mine) {
    const received = mine.assessments.filter((a) => a.kind === "PEER" && a.submittedAt);
    const self = mine.assessments.find((a) => a.kind === "SELF" && a.submittedAt);
    const effective = effectiveSubmissionGrade(mine.grade, mine.gradeOverride);
    const reviewing = reviewingGrade(peerRows.map((a) => ({ reviewGrade: a.reviewGrade, submitted: !!a.submittedAt })));
    results = {
      grade: effective.grade,
      overridden: effective.overridden,
      reviews: received.map((a) => ({
        id: a.id,
        alias: a.alias,
        reviewerName: showReviewers ? a.reviewer.name : null,
        levels: criterionMapOf(a.levels),
        comments: criterionMapOf(a.comments),
        score: a.score,
        flagged: a.flagged,
        flagReason: a.flagReason,
        flagResolved: !!a.flagResolvedAt,
      })),
      self: self ? { levels: criterionMapOf(self.levels), comments: criterionMapOf(self.comments), score: self.score } : null,
      reviewingGrade: reviewing,
      activityGrade: activityGrade(effective.grade, reviewing, activity.submissionWeight),
      reviewsDone: peerRows.filter((a) => a.submittedAt).length,
      reviewsAllocated: peerRows.length,
    };
  }

  return {
    activity: {
      id: activity.id,
      courseId: activity.courseId,
      courseTitle: course.title,
      title: activity.title,
      instructions: activity.instructions,
      phase: activity.phase,
      submissionOpensAt: activity.submissionOpensAt,
      submissionClosesAt: activity.submissionClosesAt,
      assessmentClosesAt: activity.assessmentClosesAt,
      reviewsPerSubmission: activity.reviewsPerSubmission,
      selfAssessment: activity.selfAssessment,
      anonymity: activity.anonymity,
      rubric: activity.rubric,
      allowText: activity.allowText,
      allowFiles: activity.allowFiles,
      fileTypes: activity.fileTypes,
      maxFiles: activity.maxFiles,
      submissionWeight: activity.submissionWeight,
      calibrationRequired: activity.calibrationRequired,
      calibrationThreshold: activity.calibrationThreshold,
    },
    todo,
    mySubmission: mine && {
      text: mine.text,
      late: mine.late,
      submittedAt: mine.submittedAt,
      files: mine.files.map((f) => ({ id: f.id, name: f.fileName, size: f.size, mimeType: f.mimeType })),
    },
    canSubmit: activity.phase === "SUBMISSION" || (activity.phase === "ASSESSMENT" && !mine),
    calibration: { required: calibration.required, threshold: calibration.threshold, passed: calibration.passed, exhausted: calibration.exhausted, examples: exampleViews },
    reviews,
    results,
  };
}
