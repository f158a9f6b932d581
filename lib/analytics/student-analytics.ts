import { type Actor, courseActionsOf, isWellFormedId } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { roundPercent } from "@/lib/gradebook/combine-grades";
import { loadResults } from "@/lib/gradebook/load-results";
import { computeCounts } from "./collect-measures";
import type { Measures } from "./measures";
import { rollUp } from "./measures";
import { quizResultsCtes } from "./quiz-results-sql";
import { AnalyticsFiltersSchema } from "./schemas";
import { termStartsOf } from "./term-weeks";

export interface StudentCourseRow extends Measures {
  courseId: string;
  code: string;
  title: string;
  term: string;
}

export type TimelineKind = "feedback" | "attendance" | "quiz" | "homework" | "peer";

export interface TimelineItem {
  at: Date;
  kind: TimelineKind;
  courseId: string;
  courseTitle: string;
  title: string;
  /** attendance: PRESENT | LATE | ABSENT; quiz: the result in percent; homework: minutes late; peer: the released grade in percent. */
  status: string | null;
  value: number | null;
}

export interface TagStrength {
  tag: string;
  answered: number;
  /** Mean share of the points earned on questions with this tag, 0–1. */
  mean: number;
}

export interface StudentAnalytics {
  student: { id: string; no: string; name: string; className: string | null };
  courses: StudentCourseRow[];
  timeline: TimelineItem[];
  strengths: TagStrength[];
  weaknesses: TagStrength[];
  mistakes: { open: number; due: number; mastered: number; byCourse: { courseId: string; title: string; open: number; due: number }[] };
}

export const TIMELINE_LIMIT = 200;
const TAG_MIN_ANSWERS = 2;
const TAG_LIST = 5;

/**
 * The courses of `studentId` whose analytics the actor may read: all of them for the student themself; for staff,
 * those where they may view grades (their teaching, their department, everything for admins). Nothing → not_found,
 * so that nobody learns whether a student they cannot see exists.
 */
async function visibleCoursesOf(actor: Actor, studentId: string, term?: string) {
  if (!isWellFormedId(studentId)) throw new AppError("not_found");
  if (actor.role === "STUDENT" && actor.id !== studentId) throw new AppError("not_found");
  const student = await db.user.findFirst({
    where: { id: studentId, role: "STUDENT" },
    select: {
      id: true,
      no: true,
      name: true,
      class: { select: { name: true } },
      memberships: {
        where: { role: "STUDENT" },
        select: {
          course: {
            select: {
              id: true,
              code: true,
              title: true,
              term: true,
              departmentId: true,
              members: { where: { userId: actor.id }, select: { role: true } },
            },
          },
        },
      },
    },
  });
  if (!student) throw new AppError("not_found");
  const courses = student.memberships
    .map((m) => m.course)
    .filter((course) =>
      actor.id === studentId
        ? true
        : courseActionsOf(actor, { departmentId: course.departmentId, memberRole: course.members[0]?.role ?? null }).has("grades.view"),
    );
  if (!courses.length && actor.id !== studentId) throw new AppError("not_found");
  return {
    student: { id: student.id, no: student.no, name: student.name, className: student.class?.name ?? null },
    courses: courses
      .filter((course) => !term || course.term === term)
      .sort((a, b) => b.term.localeCompare(a.term) || a.code.localeCompare(b.code)),
  };
}

/** 学生画像: one student's measures per course, timeline across courses, strongest and weakest tags, mistake-book backlog. */
export async function getStudentAnalytics(actor: Actor, studentId: string, input: unknown = {}, now = new Date()): Promise<StudentAnalytics> {
  const filters = AnalyticsFiltersSchema.pick({ term: true }).parse(input ?? {});
  const { student, courses } = await visibleCoursesOf(actor, studentId, filters.term);
  const ids = courses.map((course) => course.id);
  const empty = { open: 0, due: 0, mastered: 0, byCourse: [] };
  if (!ids.length) return { student, courses: [], timeline: [], strengths: [], weaknesses: [], mistakes: empty };

  const starts = await termStartsOf(courses.map((course) => course.term), now);
  const [counts, activity, peerGrades, tags, mistakes] = await Promise.all([
    computeCounts(ids, starts, { studentId }, now),
    db.$queryRaw<TimelineItem[]>`
      WITH s AS (SELECT "courseId", "userId" FROM "CourseMember" WHERE "userId" = ${studentId} AND role = 'STUDENT' AND "courseId" = ANY(${ids}::text[])),
      ${quizResultsCtes(ids)}
      SELECT * FROM (
        SELECT f."createdAt" AS at, 'feedback' AS kind, c.id AS "courseId", c.title AS "courseTitle", l.title, NULL AS status, NULL::float8 AS value
          FROM "PreClassFeedback" f JOIN "Lesson" l ON l.id = f."lessonId" JOIN "Course" c ON c.id = l."courseId"
          WHERE f."studentId" = ${studentId} AND c.id = ANY(${ids}::text[])
        UNION ALL
        SELECT COALESCE(a."checkedInAt", l."startsAt"), 'attendance', c.id, c.title, l.title, a.status::text, NULL
          FROM "Attendance" a JOIN "Lesson" l ON l.id = a."lessonId" JOIN "Course" c ON c.id = l."courseId"
          WHERE a."studentId" = ${studentId} AND c.id = ANY(${ids}::text[])
        UNION ALL
        SELECT (SELECT max(x."submittedAt") FROM "QuizAttempt" x WHERE x."quizId" = q.id AND x."userId" = ${studentId}),
               'quiz', c.id, c.title, q.title, NULL, r.pct
          FROM quiz_results r JOIN "Quiz" q ON q.id = r."quizId" JOIN "Course" c ON c.id = q."courseId"
        UNION ALL
        SELECT hs."submittedAt", 'homework', c.id, c.title, h.title, NULL, hs."lateMinutes"::float8
          FROM "HomeworkSubmission" hs JOIN "Homework" h ON h.id = hs."homeworkId" JOIN "Course" c ON c.id = h."courseId"
          WHERE hs."userId" = ${studentId} AND c.id = ANY(${ids}::text[])
      ) t
      WHERE t.at IS NOT NULL
      ORDER BY t.at DESC
      LIMIT ${TIMELINE_LIMIT}`,
    releasedPeerGrades(studentId, courses, now),
    db.$queryRaw<TagStrength[]>`
      SELECT tag, count(*)::int AS answered, avg(aq.score / NULLIF(aq.points, 0))::float8 AS mean
      FROM "QuizAttempt" a
      JOIN "Quiz" q ON q.id = a."quizId"
      JOIN "AttemptQuestion" aq ON aq."attemptId" = a.id
      JOIN "Question" qu ON qu.id = aq."questionId"
      CROSS JOIN LATERAL unnest(qu.tags) AS tag
      WHERE a."userId" = ${studentId} AND a.status = 'SUBMITTED' AND q."courseId" = ANY(${ids}::text[])
        AND aq.score IS NOT NULL AND aq.points > 0
      GROUP BY tag
      HAVING count(*) >= ${TAG_MIN_ANSWERS}`,
    db.$queryRaw<{ courseId: string; open: number; due: number; mastered: number }[]>`
      SELECT "courseId",
        count(*) FILTER (WHERE "masteredAt" IS NULL)::int AS open,
        count(*) FILTER (WHERE "masteredAt" IS NULL AND "dueAt" <= ${now}::timestamp)::int AS due,
        count(*) FILTER (WHERE "masteredAt" IS NOT NULL)::int AS mastered
      FROM "MistakeItem" WHERE "userId" = ${studentId} AND "courseId" = ANY(${ids}::text[])
      GROUP BY "courseId"`,
  ]);

  const rolled = rollUp(counts, ids);
  const timeline = [...activity, ...peerGrades].sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, TIMELINE_LIMIT);
  const byStrength = [...tags].sort((a, b) => b.mean - a.mean || b.answered - a.answered || a.tag.localeCompare(b.tag));
  const titleOf = new Map(courses.map((course) => [course.id, course.title]));
  return {
    student,
    courses: courses.map((course) => ({
      courseId: course.id,
      code: course.code,
      title: course.title,
      term: course.term,
      ...rolled.byCourse.get(course.id)!,
      // The course evaluation is anonymous and course-wide; it says nothing about this student.
      evaluationMean: null,
      evaluationResponses: 0,
    })),
    timeline,
    // The better half (at most TAG_LIST) are strengths, the worse half weaknesses, so that no tag is both.
    strengths: byStrength.slice(0, Math.min(TAG_LIST, Math.ceil(byStrength.length / 2))),
    weaknesses: byStrength.slice(Math.ceil(byStrength.length / 2)).reverse().slice(0, TAG_LIST),
    mistakes: {
      open: mistakes.reduce((sum, row) => sum + row.open, 0),
      due: mistakes.reduce((sum, row) => sum + row.due, 0),
      mastered: mistakes.reduce((sum, row) => sum + row.mastered, 0),
      byCourse: mistakes.map((row) => ({ courseId: row.courseId, title: titleOf.get(row.courseId) ?? "", open: row.open, due: row.due })),
    },
  };
}


/**
 * The student's peer-review grades whose release has come, each dated at its release: the activity grade exactly
 * as the gradebook (and the student's 我的成绩) computes it, from the gradebook's own loader. Unreleased grades are
 * never read, and nothing about the reviewers (not even their aliases) is.
 */
async function releasedPeerGrades(studentId: string, courses: readonly { id: string; title: string }[], now: Date): Promise<TimelineItem[]> {
  const activities = await db.peerReview.findMany({
    where: {
      courseId: { in: courses.map((course) => course.id) },
      gradesReleasedAt: { lte: now },
      submissions: { some: { authorId: studentId, isExample: false } },
    },
    select: { id: true, courseId: true, title: true, gradesReleasedAt: true },
  });
  const courseIds = [...new Set(activities.map((activity) => activity.courseId))];
  const titleOf = new Map(courses.map((course) => [course.id, course.title]));
  const percents = await Promise.all(courseIds.map(async (courseId) => (await loadResults(courseId, [studentId], now)).students[0].percents));
  const percentOf = new Map(courseIds.map((courseId, i) => [courseId, percents[i]]));
  return activities.flatMap((activity) => {
    const percent = percentOf.get(activity.courseId)?.[activity.id];
    if (percent === undefined) return [];
    return [{
      at: activity.gradesReleasedAt!,
      kind: "peer" as const,
      courseId: activity.courseId,
      courseTitle: titleOf.get(activity.courseId) ?? "",
      title: activity.title,
      status: null,
      value: roundPercent(percent),
    }];
  });
}
