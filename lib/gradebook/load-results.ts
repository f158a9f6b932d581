import { db } from "@/lib/db";
import { type ActivityResult, type CombinedGrades, type SchemeItem, combineGrades } from "./combine-grades";
import { quizPercent } from "./quiz-percent";

export interface Activity {
  kind: "quiz" | "homework";
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
 * submitted, scored attempt counts — the score is the student's to see even when the answers are not) and homework
 * whose grades the teacher has released. Unreleased grades are never read here, so no view built on this can show
 * them.
 */
export async function loadResults(courseId: string, userIds: readonly string[]) {
  const [items, quizzes, homework] = await Promise.all([
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
  ]);

  const activities: Activity[] = [
    ...quizzes.map((quiz) => ({ kind: "quiz" as const, id: quiz.id, title: quiz.title, itemId: quiz.assessmentItemId, points: null })),
    ...homework.map((row) => ({ kind: "homework" as const, id: row.id, title: row.title, itemId: row.assessmentItemId, points: row.points })),
  ];

  // Grouped once, so a course of hundreds of students is not scanned once per student and quiz.
  const attemptsOf = new Map(quizzes.map((quiz) => [quiz.id, groupBy(quiz.attempts, (attempt) => attempt.userId)]));
  const submissionOf = new Map(homework.map((row) => [row.id, new Map(row.submissions.map((submission) => [submission.userId, submission]))]));

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
    return { userId, percents, homeworkScores, ...combineGrades(items as SchemeItem[], results) };
  });

  const schemeWeight = items.reduce((sum, item) => sum + item.weight, 0);
  return { items, activities, students, schemeComplete: schemeWeight === 100 };
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
