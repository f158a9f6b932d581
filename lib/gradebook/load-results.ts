import { db } from "@/lib/db";
import { activityGrade, effectiveSubmissionGrade, reviewingGrade } from "@/lib/peer/grades";
import { type ActivityResult, type CombinedGrades, type SchemeItem, combineGrades } from "./combine-grades";
import { quizPercent } from "./quiz-percent";

export interface Activity {
  kind: "quiz" | "homework" | "peer";
  id: string;
  title: string;
  itemId: string | null;
  /** Homework: its possible points (for "score / points"); quizzes: null. */
  points: number | null;
}

export interface StudentResults extends CombinedGrades {
  userId: string;
  /** Percent per activity id, for the activities this student has a result in. */
  percents: Record<string, number>;
  /** Homework points per homework id (after the late deduction). */
  homeworkScores: Record<string, number>;
}

/**
 * Every result that may count in a course's gradebook, for the given students only: quizzes (published; every
 * submitted, scored attempt counts — the score is the student's to see even when the answers are not), homework
 * whose grades the teacher has released, and peer reviews whose grades are released (the activity grade: the
 * submission's grade, or the teacher's override, weighted with the grade for reviewing). Unreleased grades are
 * never read here, so no view built on this can show them.
 */
export async function loadResults(courseId: string, userIds: readonly string[], now = new Date()) {
  const [items, quizzes, homework, peerReviews] = await Promise.all([
    db.assessmentItem.findMany({ where: { courseId }, orderBy: { position: "asc" }, select: { id: true, name: true, weight: true } }),
    db.quiz.findMany({
      where: { courseId, status: "PUBLISHED" },
      orderBy: [{ publishedAt: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        title: true,
        assessmentItemId: true,
        scoring: true,
        attempts: {
          where: { userId: { in: [...userIds] }, status: "SUBMITTED", score: { not: null } },
          select: { userId: true, number: true, status: true, score: true, maxScore: true },
        },
      },
    }),
    db.homework.findMany({
      where: { courseId, status: "PUBLISHED", gradesReleasedAt: { not: null } },
      orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        title: true,
        assessmentItemId: true,
        points: true,
        submissions: { where: { userId: { in: [...userIds] }, score: { not: null } }, select: { userId: true, score: true } },
      },
    }),
    db.peerReview.findMany({
      where: { courseId, gradesReleasedAt: { lte: now } },
      orderBy: [{ gradesReleasedAt: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        title: true,
        assessmentItemId: true,
        submissionWeight: true,
        submissions: {
          where: { isExample: false },
          select: {
            authorId: true,
            grade: true,
            gradeOverride: true,
            assessments: { where: { kind: "PEER", reviewerId: { in: [...userIds] } }, select: { reviewerId: true, reviewGrade: true, submittedAt: true } },
          },
        },
      },
    }),
  ]);

  const activities: Activity[] = [
    ...quizzes.map((quiz) => ({ kind: "quiz" as const, id: quiz.id, title: quiz.title, itemId: quiz.assessmentItemId, points: null })),
    ...homework.map((row) => ({ kind: "homework" as const, id: row.id, title: row.title, itemId: row.assessmentItemId, points: row.points })),
    ...peerReviews.map((row) => ({ kind: "peer" as const, id: row.id, title: row.title, itemId: row.assessmentItemId, points: null })),
  ];

  // Grouped once, so a course of hundreds of students is not scanned once per student and quiz.
  const attemptsOf = new Map(quizzes.map((quiz) => [quiz.id, groupBy(quiz.attempts, (attempt) => attempt.userId)]));
  const submissionOf = new Map(homework.map((row) => [row.id, new Map(row.submissions.map((submission) => [submission.userId, submission]))]));
  const peerGradeOf = new Map(peerReviews.map((row) => [row.id, peerActivityGrades(row, userIds)]));

  const students: StudentResults[] = userIds.map((userId) => {
    const percents: Record<string, number> = {};
    const homeworkScores: Record<string, number> = {};
    const results: ActivityResult[] = [];
    for (const quiz of quizzes) {
      const percent = quizPercent(quiz.scoring, attemptsOf.get(quiz.id)?.get(userId) ?? []);
      if (percent === null) continue;
      percents[quiz.id] = percent;
      results.push({ itemId: quiz.assessmentItemId, percent });
    }
    for (const row of homework) {
      const submission = submissionOf.get(row.id)?.get(userId);
      if (!submission || submission.score === null || row.points <= 0) continue;
      const percent = (submission.score / row.points) * 100;
      percents[row.id] = percent;
      homeworkScores[row.id] = submission.score;
      results.push({ itemId: row.assessmentItemId, percent });
    }
    for (const row of peerReviews) {
      const percent = peerGradeOf.get(row.id)?.get(userId);
      if (percent === undefined) continue;
      percents[row.id] = percent;
      results.push({ itemId: row.assessmentItemId, percent });
    }
    return { userId, percents, homeworkScores, ...combineGrades(items as SchemeItem[], results) };
  });

  const schemeWeight = items.reduce((sum, item) => sum + item.weight, 0);
  return { items, activities, students, schemeComplete: schemeWeight === 100 };
}

/** Each student's peer-review activity grade (percent), as the student's own results page shows it; absent while ungraded. */
function peerActivityGrades(
  activity: {
    submissionWeight: number;
    submissions: {
      authorId: string | null;
      grade: number | null;
      gradeOverride: number | null;
      assessments: { reviewerId: string; reviewGrade: number | null; submittedAt: Date | null }[];
    }[];
  },
  userIds: readonly string[],
): Map<string, number> {
  const reviewsBy = groupBy(
    activity.submissions.flatMap((submission) => submission.assessments),
    (assessment) => assessment.reviewerId,
  );
  const submissionBy = new Map(activity.submissions.map((submission) => [submission.authorId, submission]));
  const grades = new Map<string, number>();
  for (const userId of userIds) {
    const own = submissionBy.get(userId);
    if (!own) continue;
    const submissionGrade = effectiveSubmissionGrade(own.grade, own.gradeOverride).grade;
    const reviewing = reviewingGrade((reviewsBy.get(userId) ?? []).map((a) => ({ reviewGrade: a.reviewGrade, submitted: !!a.submittedAt })));
    const grade = activityGrade(submissionGrade, reviewing, activity.submissionWeight);
    if (grade !== null) grades.set(userId, grade);
  }
  return grades;
}

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}
