import { Prisma } from "@/generated/prisma/client";

/**
 * Two CTEs, `quiz_attempts` and `quiz_results` (quizId, courseId, userId, passPercent, pct), giving each student's
 * result per quiz by the quiz's rule, the way lib/quiz/quiz-score.ts decides it: HIGHEST the best marked attempt,
 * LAST the last submitted one (null until marked), AVERAGE the mean score over the mean maximum (null until all are
 * marked); percent rounded to one decimal. Needs a CTE `s` ("courseId", "userId") of the students to count.
 */
export function quizResultsCtes(courseIds: readonly string[]): Prisma.Sql {
  return Prisma.sql`
    quiz_attempts AS (
      SELECT q.id AS "quizId", q."courseId", q.scoring, q."passPercent", a."userId", a.score, a."maxScore",
             row_number() OVER (PARTITION BY a."quizId", a."userId" ORDER BY a.number DESC) AS rn
      FROM "Quiz" q
      JOIN "QuizAttempt" a ON a."quizId" = q.id
      JOIN s ON s."courseId" = q."courseId" AND s."userId" = a."userId"
      WHERE q."courseId" = ANY(${[...courseIds]}::text[]) AND a.status = 'SUBMITTED'
    ),
    quiz_results AS (
      SELECT "quizId", "courseId", "userId", "passPercent",
        round((CASE scoring
          WHEN 'HIGHEST' THEN max(score / NULLIF("maxScore", 0))
          WHEN 'LAST' THEN max(score / NULLIF("maxScore", 0)) FILTER (WHERE rn = 1)
          ELSE CASE WHEN count(*) = count(score) THEN avg(score) / NULLIF(avg("maxScore"), 0) END
        END * 100)::numeric, 1)::float8 AS pct
      FROM quiz_attempts GROUP BY "quizId", "courseId", "userId", "passPercent", scoring
    )`;
}
