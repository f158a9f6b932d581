import { Prisma } from "@/generated/prisma/client";
import { quizResultsCtes } from "./quiz-results-sql";

/**
 * Per course and student, what the at-risk rules look at (lib/analytics/at-risk-rules.ts StudentFacts): quiz results
 * newest first, pre-class packages closed and answered, sign-ins held (closed) and attended, the last activity of any
 * kind in the course. Columns match AnalyticsStudentFact, into which the summary refresh inserts them.
 */
export function atRiskFactsSql(courseIds: readonly string[], now: Date): Prisma.Sql {
  const ids = [...courseIds];
  const nowTs = Prisma.sql`${now}::timestamp`;
  return Prisma.sql`
    WITH s AS MATERIALIZED (
      SELECT cm."courseId", cm."userId", cm."createdAt" AS "enrolledAt"
      FROM "CourseMember" cm WHERE cm.role = 'STUDENT' AND cm."courseId" = ANY(${ids}::text[])
    ),
    lessons AS MATERIALIZED (SELECT id, "courseId", "startsAt" FROM "Lesson" WHERE "courseId" = ANY(${ids}::text[])),
    ${quizResultsCtes(ids)},
    quiz_lists AS (
      SELECT r."courseId", r."userId",
        array_agg(r.pct ORDER BY COALESCE(l."startsAt", q."closesAt", q."opensAt", q."publishedAt", q."createdAt") DESC) AS percents
      FROM quiz_results r JOIN "Quiz" q ON q.id = r."quizId" LEFT JOIN "Lesson" l ON l.id = q."lessonId"
      WHERE r.pct IS NOT NULL GROUP BY 1, 2
    ),
    due_packages AS MATERIALIZED (
      SELECT l.id, l."courseId" FROM lessons l JOIN "PreClassPackage" p ON p."lessonId" = l.id
      WHERE p.status = 'PUBLISHED' AND COALESCE(p."closesAt", l."startsAt") <= ${nowTs}
    ),
    due_count AS (SELECT "courseId", count(*)::int AS n FROM due_packages GROUP BY 1),
    done AS (
      SELECT d."courseId", f."studentId" AS "userId", count(*)::int AS n
      FROM due_packages d JOIN "PreClassFeedback" f ON f."lessonId" = d.id GROUP BY 1, 2
    ),
    held_lessons AS MATERIALIZED (
      SELECT l.id, l."courseId" FROM lessons l
      WHERE EXISTS (SELECT 1 FROM "SignInSession" x WHERE x."lessonId" = l.id AND x."closedAt" IS NOT NULL AND x."closedAt" <= ${nowTs})
    ),
    held AS (SELECT "courseId", count(*)::int AS n FROM held_lessons GROUP BY 1),
    attended AS (
      SELECT h."courseId", a."studentId" AS "userId", count(*)::int AS n
      FROM held_lessons h JOIN "Attendance" a ON a."lessonId" = h.id AND a.status IN ('PRESENT', 'LATE') GROUP BY 1, 2
    ),
    activity AS (
      SELECT l."courseId", f."studentId" AS "userId", max(f."createdAt") AS at
        FROM lessons l JOIN "PreClassFeedback" f ON f."lessonId" = l.id GROUP BY 1, 2
      UNION ALL
      SELECT l."courseId", a."studentId", max(a."checkedInAt")
        FROM lessons l JOIN "Attendance" a ON a."lessonId" = l.id WHERE a."checkedInAt" IS NOT NULL GROUP BY 1, 2
      UNION ALL
      SELECT l."courseId", ta."studentId", max(ta."createdAt")
        FROM lessons l JOIN "Topic" t ON t."lessonId" = l.id JOIN "TopicAnswer" ta ON ta."topicId" = t.id GROUP BY 1, 2
      UNION ALL
      SELECT q."courseId", qa."userId", max(qa."startedAt")
        FROM "Quiz" q JOIN "QuizAttempt" qa ON qa."quizId" = q.id WHERE q."courseId" = ANY(${ids}::text[]) GROUP BY 1, 2
      UNION ALL
      SELECT h."courseId", hs."userId", max(hs."submittedAt")
        FROM "Homework" h JOIN "HomeworkSubmission" hs ON hs."homeworkId" = h.id WHERE h."courseId" = ANY(${ids}::text[]) GROUP BY 1, 2
      UNION ALL
      SELECT p."courseId", p."userId", max(p."createdAt")
        FROM "PracticeAnswer" p WHERE p."courseId" = ANY(${ids}::text[]) GROUP BY 1, 2
    ),
    last_activity AS (SELECT "courseId", "userId", max(at) AS at FROM activity WHERE at <= ${nowTs} GROUP BY 1, 2)
    SELECT s."courseId", s."userId", s."enrolledAt", COALESCE(ql.percents, ARRAY[]::float8[]) AS "quizPercents",
           COALESCE(dc.n, 0) AS "preClassDue", COALESCE(dn.n, 0) AS "preClassDone",
           COALESCE(h.n, 0) AS "signInsHeld", COALESCE(at.n, 0) AS "attended",
           la.at AS "lastActivityAt"
    FROM s
    LEFT JOIN quiz_lists ql ON ql."courseId" = s."courseId" AND ql."userId" = s."userId"
    LEFT JOIN due_count dc ON dc."courseId" = s."courseId"
    LEFT JOIN done dn ON dn."courseId" = s."courseId" AND dn."userId" = s."userId"
    LEFT JOIN held h ON h."courseId" = s."courseId"
    LEFT JOIN attended at ON at."courseId" = s."courseId" AND at."userId" = s."userId"
    LEFT JOIN last_activity la ON la."courseId" = s."courseId" AND la."userId" = s."userId"`;
}
