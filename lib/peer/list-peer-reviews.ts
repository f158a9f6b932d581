import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { calibrationStateOf } from "./calibration";
import { studentPeerReviewPath } from "./paths";
import type { PeerPhase } from "./schemas";
import { type StudentTodo, todoOf } from "./student-view";

export interface StudentPeerReviewItem {
  id: string;
  title: string;
  phase: PeerPhase;
  /** The date the current phase ends, when set. */
  deadline: Date | null;
  todo: StudentTodo;
  /** Peer reviews (and self-assessment) still to submit. */
  pending: number;
  href: string;
}

/** The course's peer reviews for its coursework list (coursework.submit): not those still in setup. */
export async function listPeerReviewsForStudent(actor: Actor, courseId: string, now = new Date()): Promise<StudentPeerReviewItem[]> {
  await authorizeCourse(actor, courseId, "coursework.submit");
  const activities = await db.peerReview.findMany({
    where: { courseId, phase: { not: "SETUP" } },
    orderBy: [{ createdAt: "desc" }],
    select: {
      id: true,
      title: true,
      phase: true,
      submissionClosesAt: true,
      assessmentClosesAt: true,
      gradesReleasedAt: true,
      calibrationRequired: true,
      calibrationThreshold: true,
      submissions: { where: { authorId: actor.id }, select: { id: true } },
    },
  });
  const pending = await db.peerAssessment.findMany({
    where: { reviewerId: actor.id, kind: { in: ["PEER", "SELF"] }, submittedAt: null, submission: { activityId: { in: activities.map((a) => a.id) } } },
    select: { kind: true, submission: { select: { activityId: true } } },
  });
  return Promise.all(
    activities.map(async (activity) => {
      const mine = pending.filter((p) => p.submission.activityId === activity.id);
      const calibration = await calibrationStateOf(db, activity, actor.id);
      return {
        id: activity.id,
        title: activity.title,
        phase: activity.phase,
        deadline: activity.phase === "SUBMISSION" ? activity.submissionClosesAt : activity.phase === "ASSESSMENT" ? activity.assessmentClosesAt : null,
        todo: todoOf(
          activity,
          {
            submitted: activity.submissions.length > 0,
            calibration,
            pendingPeer: mine.filter((p) => p.kind === "PEER").length,
            pendingSelf: mine.filter((p) => p.kind === "SELF").length,
          },
          now,
        ),
        pending: mine.length,
        href: studentPeerReviewPath(activity.id),
      };
    }),
  );
}

export interface TeacherPeerReviewItem {
  id: string;
  title: string;
  phase: PeerPhase;
  submissionClosesAt: Date | null;
  assessmentClosesAt: Date | null;
  submissions: number;
  reviewsDone: number;
  reviewsAllocated: number;
  released: boolean;
}

/** The course's peer reviews for the teacher's list (grades.view). */
export async function listPeerReviewsForCourse(actor: Actor, courseId: string): Promise<TeacherPeerReviewItem[]> {
  await authorizeCourse(actor, courseId, "grades.view");
  const activities = await db.peerReview.findMany({
    where: { courseId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      phase: true,
      submissionClosesAt: true,
      assessmentClosesAt: true,
      gradesReleasedAt: true,
      submissions: { where: { isExample: false }, select: { assessments: { where: { kind: "PEER" }, select: { submittedAt: true } } } },
    },
  });
  return activities.map((a) => {
    const reviews = a.submissions.flatMap((s) => s.assessments);
    return {
      id: a.id,
      title: a.title,
      phase: a.phase,
      submissionClosesAt: a.submissionClosesAt,
      assessmentClosesAt: a.assessmentClosesAt,
      submissions: a.submissions.length,
      reviewsDone: reviews.filter((r) => r.submittedAt).length,
      reviewsAllocated: reviews.length,
      released: !!a.gradesReleasedAt,
    };
  });
}
