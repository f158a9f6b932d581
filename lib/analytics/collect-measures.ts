import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { MIN_RESPONSES, OVERALL_ITEM_ID } from "@/lib/evaluation/schemas";
import { quizResultsCtes } from "./quiz-results-sql";
import { termStartsTable, weekSql } from "./term-weeks";

/*
 * The department, class, course and student views all rest on the same counts, computed by one SQL statement (one
 * round trip; PGlite runs statements one at a time) per course, class and subject (lesson, quiz, homework). The
 * dashboards read them from the AnalyticsCount summary (lib/analytics/summaries.ts); a single student's are computed
 * directly. Rates are formed afterwards from these small sums (lib/analytics/measures.ts), so no query ever brings
 * individual students' rows into JavaScript.
 *
 * Definitions (the population is the course's current students, narrowed to a class or to one student):
 *   pre-class completion  feedback given / (published packages already open × students)
 *   participation         students who answered a topic of a lesson / (lessons with topics × students)
 *   sign-in               PRESENT or LATE check-ins / (lessons with a sign-in × students)
 *   quiz                  each student's result per quiz by the quiz's rule (HIGHEST, LAST, AVERAGE), percent
 *   homework on time      submissions with lateMinutes = 0 / (published homework already due × students)
 *   evaluation            mean overall rating over evaluations with ≥ MIN_RESPONSES answers (anonymous, so
 *                         always the whole course's, whatever the population)
 *   WeChat                bound: ACTIVE bindings / students; delivery: SENT or DELIVERED / (those + FAILED)
 *
 * Course detail for the course dashboard only (COURSE_DETAIL_KINDS: course-wide rows, left out for one student):
 *   objective_confidence  per lesson objective: the students' pre-class confidence ratings (sum, count)
 *   question_answers      per published quiz and question ("quizId/questionId"): the students' marked answers in
 *                         submitted attempts (sum of the shares of the points earned, count)
 */

export interface Population {
  studentId?: string;
}

export type CountKind =
  | "students"
  | "pre_units"
  | "pre_done"
  | "sign_units"
  | "sign_done"
  | "topic_units"
  | "topic_done"
  | "quiz"
  | "hw_units"
  | "hw_done"
  | "push"
  | "eval"
  | "objective_confidence"
  | "question_answers";

/** Kinds that count things of the course, not of its students: the same whatever class is looked at. */
export const COURSE_WIDE_KINDS: readonly CountKind[] = ["pre_units", "sign_units", "topic_units", "hw_units", "eval"];

/** Kinds only the course dashboard reads (per objective and question); the department-level views skip them. */
export const COURSE_DETAIL_KINDS: readonly CountKind[] = ["objective_confidence", "question_answers"];

/**
 * One row of counts. a, b, c by kind: students (students, bound); *_units (1 per lesson or homework);
 * pre_done, sign_done, topic_done (students who did it); quiz (results, sum of percents, passed);
 * hw_done (on time, submitted); push (delivered or sent, failed); eval (sum of overall ratings, ratings);
 * objective_confidence (sum of ratings, ratings); question_answers (sum of shares of the points, answers).
 */
export interface CountRow {
  kind: CountKind;
  courseId: string;
  week: number | null;
  a: number;
  b: number;
  c: number;
}

export interface DetailedCountRow extends CountRow {
  classId: string;
  subjectId: string;
}

/** The counts of the given courses computed from the activity tables, per class and subject. */
export async function computeCounts(
  courseIds: readonly string[],
  termStarts: Map<string, Date>,
  population: Population,
  now: Date,
): Promise<DetailedCountRow[]> {
  if (!courseIds.length || !termStarts.size) return [];
  return db.$queryRaw<DetailedCountRow[]>(countsSql(courseIds, termStarts, population, now));
}

/** The statement behind computeCounts; the summary refresh inserts its rows directly. */
export function countsSql(courseIds: readonly string[], termStarts: Map<string, Date>, population: Population, now: Date): Prisma.Sql {
  const ids = [...courseIds];
  const byStudent = population.studentId ? Prisma.sql`AND cm."userId" = ${population.studentId}` : Prisma.empty;
  const ts = termStartsTable(termStarts);
  const nowTs = Prisma.sql`${now}::timestamp`;
  const courseDetail = population.studentId
    ? Prisma.empty
    : Prisma.sql`
    UNION ALL
    SELECT 'objective_confidence', lw."courseId", '', r."objectiveId", NULL, sum(r.confidence), count(*), 0
      FROM lw JOIN "PreClassFeedback" f ON f."lessonId" = lw.id
      JOIN s ON s."courseId" = lw."courseId" AND s."userId" = f."studentId"
      JOIN "FeedbackRating" r ON r."feedbackId" = f.id
      GROUP BY 2, 4
    UNION ALL
    SELECT 'question_answers', q."courseId", '', q.id || '/' || aq."questionId", NULL, sum(aq.score / aq.points), count(*), 0
      FROM "Quiz" q JOIN "QuizAttempt" qa ON qa."quizId" = q.id AND qa.status = 'SUBMITTED'
      JOIN s ON s."courseId" = q."courseId" AND s."userId" = qa."userId"
      JOIN "AttemptQuestion" aq ON aq."attemptId" = qa.id
      WHERE q."courseId" = ANY(${ids}::text[]) AND q.status = 'PUBLISHED' AND aq.score IS NOT NULL AND aq.points > 0
      GROUP BY 2, 4`;

  return Prisma.sql`
    WITH s AS MATERIALIZED (
      SELECT cm."courseId", cm."userId", COALESCE(u."classId", '') AS "classId"
      FROM "CourseMember" cm JOIN "User" u ON u.id = cm."userId"
      WHERE cm.role = 'STUDENT' AND cm."courseId" = ANY(${ids}::text[]) ${byStudent}
    ),
    lw AS MATERIALIZED (
      SELECT l.id, l."courseId", ${weekSql(Prisma.sql`l."startsAt"`)} AS week
      FROM "Lesson" l JOIN "Course" c ON c.id = l."courseId" JOIN ${ts} ON ts.term = c.term
      WHERE l."courseId" = ANY(${ids}::text[])
    ),
    pre AS MATERIALIZED (
      SELECT lw.* FROM lw JOIN "PreClassPackage" p ON p."lessonId" = lw.id
      WHERE p.status = 'PUBLISHED' AND COALESCE(p."opensAt", p."publishedAt") <= ${nowTs}
    ),
    ${quizResultsCtes(ids)},
    quiz_weeks AS (
      SELECT q.id, ${weekSql(Prisma.sql`COALESCE(l."startsAt", q."closesAt", q."opensAt", q."publishedAt", q."createdAt")`)} AS week
      FROM "Quiz" q JOIN "Course" c ON c.id = q."courseId" JOIN ${ts} ON ts.term = c.term
      LEFT JOIN "Lesson" l ON l.id = q."lessonId"
      WHERE q."courseId" = ANY(${ids}::text[])
    ),
    hw AS MATERIALIZED (
      SELECT h.id, h."courseId", ${weekSql(Prisma.sql`h."dueAt"`)} AS week
      FROM "Homework" h JOIN "Course" c ON c.id = h."courseId" JOIN ${ts} ON ts.term = c.term
      WHERE h."courseId" = ANY(${ids}::text[]) AND h.status = 'PUBLISHED' AND h."dueAt" <= ${nowTs}
    ),
    evaluations AS (
      SELECT e.id, e."courseId" FROM "Evaluation" e JOIN "EvaluationResponse" r ON r."evaluationId" = e.id
      WHERE e."courseId" = ANY(${ids}::text[])
      GROUP BY e.id HAVING count(*) >= ${MIN_RESPONSES}
    )
    SELECT 'students' AS kind, s."courseId", s."classId", '' AS "subjectId", NULL::int AS week, count(*)::float8 AS a,
           count(b.id) FILTER (WHERE b.status = 'ACTIVE')::float8 AS b, 0::float8 AS c
      FROM s LEFT JOIN "WechatBinding" b ON b."userId" = s."userId" GROUP BY 2, 3
    UNION ALL
    SELECT 'pre_units', pre."courseId", '', pre.id, pre.week, 1, 0, 0 FROM pre
    UNION ALL
    SELECT 'pre_done', pre."courseId", s."classId", pre.id, pre.week, count(*), 0, 0
      FROM pre JOIN "PreClassFeedback" f ON f."lessonId" = pre.id
      JOIN s ON s."courseId" = pre."courseId" AND s."userId" = f."studentId" GROUP BY 2, 3, 4, 5
    UNION ALL
    SELECT 'sign_units', lw."courseId", '', lw.id, lw.week, 1, 0, 0 FROM lw
      WHERE EXISTS (SELECT 1 FROM "SignInSession" x WHERE x."lessonId" = lw.id)
    UNION ALL
    SELECT 'sign_done', lw."courseId", s."classId", lw.id, lw.week, count(*), 0, 0
      FROM lw JOIN "Attendance" at ON at."lessonId" = lw.id AND at.status IN ('PRESENT', 'LATE')
      JOIN s ON s."courseId" = lw."courseId" AND s."userId" = at."studentId" GROUP BY 2, 3, 4, 5
    UNION ALL
    SELECT 'topic_units', lw."courseId", '', lw.id, lw.week, 1, 0, 0 FROM lw
      WHERE EXISTS (SELECT 1 FROM "Topic" t WHERE t."lessonId" = lw.id)
    UNION ALL
    SELECT 'topic_done', lw."courseId", s."classId", lw.id, lw.week, count(*), 0, 0
      FROM (SELECT DISTINCT t."lessonId", ta."studentId" FROM "Topic" t JOIN "TopicAnswer" ta ON ta."topicId" = t.id
            WHERE t."lessonId" IN (SELECT id FROM lw)) answered
      JOIN lw ON lw.id = answered."lessonId"
      JOIN s ON s."courseId" = lw."courseId" AND s."userId" = answered."studentId" GROUP BY 2, 3, 4, 5
    UNION ALL
    SELECT 'quiz', r."courseId", s."classId", r."quizId", w.week, count(r.pct), COALESCE(sum(r.pct), 0),
           count(*) FILTER (WHERE r.pct >= r."passPercent")
      FROM quiz_results r JOIN quiz_weeks w ON w.id = r."quizId"
      JOIN s ON s."courseId" = r."courseId" AND s."userId" = r."userId" GROUP BY 2, 3, 4, 5
    UNION ALL
    SELECT 'hw_units', hw."courseId", '', hw.id, hw.week, 1, 0, 0 FROM hw
    UNION ALL
    SELECT 'hw_done', hw."courseId", s."classId", hw.id, hw.week, count(*) FILTER (WHERE hs."lateMinutes" = 0), count(*), 0
      FROM hw JOIN "HomeworkSubmission" hs ON hs."homeworkId" = hw.id
      JOIN s ON s."courseId" = hw."courseId" AND s."userId" = hs."userId" GROUP BY 2, 3, 4, 5
    UNION ALL
    SELECT 'push', p."courseId", p."classId", 'w' || p.week, p.week, count(*) FILTER (WHERE p.status IN ('SENT', 'DELIVERED')),
           count(*) FILTER (WHERE p.status = 'FAILED'), 0
      FROM (SELECT pm."courseId", s."classId", pm.status, ${weekSql(Prisma.sql`pm."createdAt"`)} AS week
            FROM "PushMessage" pm JOIN "Course" c ON c.id = pm."courseId" JOIN ${ts} ON ts.term = c.term
            JOIN s ON s."courseId" = pm."courseId" AND s."userId" = pm."userId"
            WHERE pm."courseId" = ANY(${ids}::text[]) AND pm.status IN ('SENT', 'DELIVERED', 'FAILED')) p
      GROUP BY 2, 3, 4, 5
    UNION ALL
    SELECT 'eval', e."courseId", '', '', NULL, COALESCE(sum(v.rating), 0), count(v.rating), 0
      FROM evaluations e JOIN "EvaluationResponse" r ON r."evaluationId" = e.id
      CROSS JOIN LATERAL (SELECT CASE WHEN jsonb_typeof(r.ratings -> ${OVERALL_ITEM_ID}) = 'number'
                                      THEN (r.ratings ->> ${OVERALL_ITEM_ID})::float8 END AS rating) v
      GROUP BY e."courseId"
    ${courseDetail}`;
}
