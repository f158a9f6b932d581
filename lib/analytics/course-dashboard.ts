import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { type Measures, type WeekMeasures, rollUp } from "./measures";
import { quizResultsCtes } from "./quiz-results-sql";
import { ensureSummaries, readSubjectCounts } from "./summaries";
import { termStartsOf, weekOfTerm } from "./term-weeks";

export interface LessonObjectiveConfidence {
  objectiveId: string;
  text: string;
  /** Mean pre-class confidence 1–5; null without ratings. */
  meanConfidence: number | null;
  ratings: number;
}

export interface LessonRow {
  lessonId: string;
  position: number;
  title: string;
  startsAt: Date;
  week: number;
  preClassPublished: boolean;
  feedback: number;
  feedbackRate: number | null;
  meanConfidence: number | null;
  objectives: LessonObjectiveConfidence[];
  signInHeld: boolean;
  attended: number;
  signInRate: number | null;
  topics: number;
  participants: number;
  participationRate: number | null;
  /** 不懂 presses, and the most in any one minute (the peak). */
  lost: number;
  lostPeak: number;
  /** The lesson plan was changed citing students' feedback. */
  planAdjusted: boolean;
  /** Results of the quizzes tied to this lesson ("after"), percent. */
  quizAverage: number | null;
  quizPassRate: number | null;
  quizResults: number;
}

export interface ScoreBinRow {
  from: number;
  to: number;
  count: number;
}

export interface QuizSummaryRow {
  quizId: string;
  title: string;
  lessonId: string | null;
  results: number;
  average: number | null;
  passRate: number | null;
  distribution: ScoreBinRow[];
}

export interface GradebookSummaryRow {
  assessmentItemId: string;
  name: string;
  weight: number;
  quizzes: number;
  homework: number;
  /** Mean percent over every quiz result and graded submission counting towards the item. */
  average: number | null;
  results: number;
}

export interface CourseDashboard {
  course: { id: string; code: string; title: string; titleEn: string | null; term: string; departmentName: string };
  measures: Measures;
  trend: WeekMeasures[];
  lessons: LessonRow[];
  quizzes: QuizSummaryRow[];
  distribution: ScoreBinRow[];
  gradebook: GradebookSummaryRow[];
  /** When the summary figures were computed. */
  asOf: Date | null;
}

const BIN_WIDTH = 10;
const emptyBins = (): ScoreBinRow[] => Array.from({ length: 100 / BIN_WIDTH }, (_, i) => ({ from: i * BIN_WIDTH, to: (i + 1) * BIN_WIDTH, count: 0 }));
const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

interface LessonCount {
  kind: "topics" | "lost" | "plan";
  lessonId: string;
  a: number;
  b: number;
}

/**
 * 课程看板: lesson by lesson — feedback response and confidence before the lesson, quiz results after it, sign-in,
 * participation and 不懂 peaks — plus score distributions and a gradebook summary. For the course's teachers and
 * assistants and its department's admin ("grades.view").
 */
export async function getCourseDashboard(actor: Actor, courseId: string, now = new Date()): Promise<CourseDashboard> {
  await authorizeCourse(actor, courseId, "grades.view");
  const course = await db.course.findUniqueOrThrow({
    where: { id: courseId },
    select: { id: true, code: true, title: true, titleEn: true, term: true, department: { select: { name: true } } },
  });
  const starts = await termStartsOf([course.term], now);
  const termStart = starts.get(course.term)!;
  const ids = [courseId];
  const asOf = await ensureSummaries(ids, now);

  const [counts, lessons, objectives, lessonCounts, quizRows, gradebookRows] = await Promise.all([
    readSubjectCounts(courseId),
    db.lesson.findMany({
      where: { courseId },
      orderBy: [{ position: "asc" }, { startsAt: "asc" }],
      select: { id: true, position: true, title: true, startsAt: true, preClass: { select: { status: true } } },
    }),
    db.$queryRaw<{ lessonId: string; objectiveId: string; text: string; mean: number | null; ratings: number }[]>`
      WITH s AS (SELECT "courseId", "userId" FROM "CourseMember" WHERE "courseId" = ${courseId} AND role = 'STUDENT')
      SELECT o."lessonId", o.id AS "objectiveId", o.text, avg(r.confidence)::float8 AS mean, count(r.id)::int AS ratings
      FROM "LessonObjective" o JOIN "Lesson" l ON l.id = o."lessonId"
      LEFT JOIN ("FeedbackRating" r JOIN "PreClassFeedback" f ON f.id = r."feedbackId" JOIN s ON s."userId" = f."studentId")
        ON r."objectiveId" = o.id
      WHERE l."courseId" = ${courseId}
      GROUP BY o."lessonId", o.id, o.text, o.position
      ORDER BY o."lessonId", o.position`,
    db.$queryRaw<LessonCount[]>`
      WITH l AS MATERIALIZED (SELECT id FROM "Lesson" WHERE "courseId" = ${courseId})
      SELECT 'topics' AS kind, t."lessonId", count(*)::float8 AS a, 0::float8 AS b FROM "Topic" t WHERE t."lessonId" IN (SELECT id FROM l) GROUP BY 2
      UNION ALL
      SELECT 'lost', m."lessonId", sum(m.n), max(m.n)
        FROM (SELECT "lessonId", date_trunc('minute', "createdAt") AS minute, count(*) AS n FROM "LostSignal"
              WHERE "lessonId" IN (SELECT id FROM l) GROUP BY 1, 2) m GROUP BY 2
      UNION ALL
      SELECT 'plan', v."lessonId", count(DISTINCT v.id), 0
        FROM "LessonPlanVersion" v JOIN "PlanVersionFeedback" pf ON pf."versionId" = v.id
        WHERE v."lessonId" IN (SELECT id FROM l) GROUP BY 2`,
    db.$queryRaw<{ quizId: string; title: string; lessonId: string | null; bin: number | null; n: number; total: number; passed: number }[]>`
      WITH s AS (SELECT "courseId", "userId" FROM "CourseMember" WHERE "courseId" = ${courseId} AND role = 'STUDENT'),
      ${quizResultsCtes(ids)}
      SELECT q.id AS "quizId", q.title, q."lessonId", LEAST(floor(r.pct / ${BIN_WIDTH}), ${100 / BIN_WIDTH - 1})::int AS bin,
             count(r.pct)::int AS n, COALESCE(sum(r.pct), 0)::float8 AS total,
             (count(*) FILTER (WHERE r.pct >= r."passPercent"))::int AS passed
      FROM "Quiz" q LEFT JOIN quiz_results r ON r."quizId" = q.id
      WHERE q."courseId" = ${courseId} AND q.status = 'PUBLISHED'
      GROUP BY q.id, q.title, q."lessonId", q."createdAt", bin
      ORDER BY q."createdAt", q.id`,
    db.$queryRaw<{ id: string; name: string; weight: number; quizzes: number; homework: number; total: number; results: number }[]>`
      WITH s AS (SELECT "courseId", "userId" FROM "CourseMember" WHERE "courseId" = ${courseId} AND role = 'STUDENT'),
      ${quizResultsCtes(ids)},
      parts AS (
        SELECT q."assessmentItemId" AS item, r.pct FROM quiz_results r JOIN "Quiz" q ON q.id = r."quizId" WHERE r.pct IS NOT NULL
        UNION ALL
        SELECT h."assessmentItemId", hs.score / NULLIF(h.points, 0) * 100
        FROM "Homework" h JOIN "HomeworkSubmission" hs ON hs."homeworkId" = h.id JOIN s ON s."userId" = hs."userId"
        WHERE h."courseId" = ${courseId} AND hs.score IS NOT NULL
      )
      SELECT a.id, a.name, a.weight,
        (SELECT count(*) FROM "Quiz" q WHERE q."assessmentItemId" = a.id)::int AS quizzes,
        (SELECT count(*) FROM "Homework" h WHERE h."assessmentItemId" = a.id)::int AS homework,
        COALESCE(sum(p.pct), 0)::float8 AS total, count(p.pct)::int AS results
      FROM "AssessmentItem" a LEFT JOIN parts p ON p.item = a.id
      WHERE a."courseId" = ${courseId}
      GROUP BY a.id, a.name, a.weight, a.position ORDER BY a.position`,
  ]);

  const rolled = rollUp(counts, ids);
  const studentCount = rolled.total.students;
  const countByKey = new Map(lessonCounts.map((row) => [`${row.kind}:${row.lessonId}`, row]));
  const countOf = (kind: LessonCount["kind"], lessonId: string) => countByKey.get(`${kind}:${lessonId}`);
  const summaryByKey = new Map(counts.map((row) => [`${row.kind}:${row.subjectId}`, row]));
  const summaryOf = (kind: string, lessonId: string) => summaryByKey.get(`${kind}:${lessonId}`)?.a ?? 0;
  const objectivesOf = new Map<string, LessonObjectiveConfidence[]>();
  for (const o of objectives) {
    const list = objectivesOf.get(o.lessonId) ?? [];
    list.push({ objectiveId: o.objectiveId, text: o.text, meanConfidence: o.mean, ratings: o.ratings });
    objectivesOf.set(o.lessonId, list);
  }

  const quizzes = new Map<string, QuizSummaryRow & { total: number; passed: number }>();
  const distribution = emptyBins();
  for (const row of quizRows) {
    let quiz = quizzes.get(row.quizId);
    if (!quiz) {
      quiz = { quizId: row.quizId, title: row.title, lessonId: row.lessonId, results: 0, average: null, passRate: null, distribution: emptyBins(), total: 0, passed: 0 };
      quizzes.set(row.quizId, quiz);
    }
    if (row.bin === null) continue;
    quiz.results += row.n;
    quiz.total += row.total;
    quiz.passed += row.passed;
    quiz.distribution[row.bin].count += row.n;
    distribution[row.bin].count += row.n;
  }
  const quizList = [...quizzes.values()].map(({ total, passed, ...quiz }) => ({
    ...quiz,
    average: ratio(total, quiz.results),
    passRate: ratio(passed, quiz.results),
  }));
  const afterOf = (lessonId: string) => {
    const own = [...quizzes.values()].filter((quiz) => quiz.lessonId === lessonId);
    const results = own.reduce((sum, quiz) => sum + quiz.results, 0);
    return {
      quizResults: results,
      quizAverage: ratio(own.reduce((sum, quiz) => sum + quiz.total, 0), results),
      quizPassRate: ratio(own.reduce((sum, quiz) => sum + quiz.passed, 0), results),
    };
  };

  return {
    course: { id: course.id, code: course.code, title: course.title, titleEn: course.titleEn, term: course.term, departmentName: course.department.name },
    measures: rolled.total,
    trend: rolled.byWeek,
    lessons: lessons.map((lesson) => {
      const own = objectivesOf.get(lesson.id) ?? [];
      const rated = own.filter((o) => o.meanConfidence !== null);
      const ratings = rated.reduce((sum, o) => sum + o.ratings, 0);
      const feedback = summaryOf("pre_done", lesson.id);
      const attended = summaryOf("sign_done", lesson.id);
      const signInHeld = summaryOf("sign_units", lesson.id) > 0;
      const topics = countOf("topics", lesson.id)?.a ?? 0;
      const participants = summaryOf("topic_done", lesson.id);
      const published = lesson.preClass?.status === "PUBLISHED";
      return {
        lessonId: lesson.id,
        position: lesson.position,
        title: lesson.title,
        startsAt: lesson.startsAt,
        week: weekOfTerm(termStart, lesson.startsAt),
        preClassPublished: published,
        feedback,
        // Only once the package has opened is anything due.
        feedbackRate: summaryOf("pre_units", lesson.id) > 0 ? ratio(feedback, studentCount) : null,
        meanConfidence: ratings ? rated.reduce((sum, o) => sum + o.meanConfidence! * o.ratings, 0) / ratings : null,
        objectives: own,
        signInHeld,
        attended,
        signInRate: signInHeld ? ratio(attended, studentCount) : null,
        topics,
        participants,
        participationRate: topics ? ratio(participants, studentCount) : null,
        lost: countOf("lost", lesson.id)?.a ?? 0,
        lostPeak: countOf("lost", lesson.id)?.b ?? 0,
        planAdjusted: (countOf("plan", lesson.id)?.a ?? 0) > 0,
        ...afterOf(lesson.id),
      };
    }),
    quizzes: quizList,
    distribution,
    asOf,
    gradebook: gradebookRows.map((row) => ({
      assessmentItemId: row.id,
      name: row.name,
      weight: row.weight,
      quizzes: row.quizzes,
      homework: row.homework,
      average: ratio(row.total, row.results),
      results: row.results,
    })),
  };
}

