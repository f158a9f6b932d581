import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { loadResults } from "@/lib/gradebook/load-results";
import { type GradebookSummary, summarizeGradebook } from "./gradebook-summary";
import { type Measures, type WeekMeasures, rollUp } from "./measures";
import { type AnsweredQuestion, OBJECTIVE_TAG_PREFIX, type ObjectiveAfter, objectiveAfter } from "./objective-after";
import { quizResultsCtes } from "./quiz-results-sql";
import { ensureSummaries, readSubjectCounts } from "./summaries";
import { termStartsOf, weekOfTerm } from "./term-weeks";

/** One objective of a lesson: the students' confidence before it, and (ObjectiveAfter) their results on it after. */
export interface LessonObjectiveConfidence extends ObjectiveAfter {
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

export interface CourseDashboard {
  course: { id: string; code: string; title: string; titleEn: string | null; term: string; departmentName: string };
  measures: Measures;
  trend: WeekMeasures[];
  lessons: LessonRow[];
  quizzes: QuizSummaryRow[];
  distribution: ScoreBinRow[];
  gradebook: GradebookSummary;
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

type CourseHeader = CourseDashboard["course"];

/** The course, once the actor may see its grades ("grades.view"). */
async function authorizedCourse(actor: Actor, courseId: string): Promise<CourseHeader> {
  await authorizeCourse(actor, courseId, "grades.view");
  const course = await db.course.findUniqueOrThrow({
    where: { id: courseId },
    select: { id: true, code: true, title: true, titleEn: true, term: true, department: { select: { name: true } } },
  });
  return { id: course.id, code: course.code, title: course.title, titleEn: course.titleEn, term: course.term, departmentName: course.department.name };
}

interface QuizFigures {
  quizzes: QuizSummaryRow[];
  distribution: ScoreBinRow[];
  /** Per quiz: results, their sum and passes (for the lessons' "after"), and when it counts as held. */
  totals: Map<string, { lessonId: string | null; heldAt: Date; results: number; total: number; passed: number }>;
}

/** Each published quiz's results by its rule (live, from the attempts), binned into score distributions. */
async function quizFigures(courseId: string): Promise<QuizFigures> {
  const rows = await db.$queryRaw<
    { quizId: string; title: string; lessonId: string | null; heldAt: Date; bin: number | null; n: number; total: number; passed: number }[]
  >`
    WITH s AS (SELECT "courseId", "userId" FROM "CourseMember" WHERE "courseId" = ${courseId} AND role = 'STUDENT'),
    ${quizResultsCtes([courseId])}
    SELECT q.id AS "quizId", q.title, q."lessonId", COALESCE(l."startsAt", q."opensAt", q."publishedAt", q."createdAt") AS "heldAt",
           LEAST(floor(r.pct / ${BIN_WIDTH}), ${100 / BIN_WIDTH - 1})::int AS bin,
           count(r.pct)::int AS n, COALESCE(sum(r.pct), 0)::float8 AS total,
           (count(*) FILTER (WHERE r.pct >= r."passPercent"))::int AS passed
    FROM "Quiz" q LEFT JOIN "Lesson" l ON l.id = q."lessonId" LEFT JOIN quiz_results r ON r."quizId" = q.id
    WHERE q."courseId" = ${courseId} AND q.status = 'PUBLISHED'
    GROUP BY q.id, q.title, q."lessonId", l."startsAt", q."createdAt", bin
    ORDER BY q."createdAt", q.id`;
  const quizzes = new Map<string, QuizSummaryRow>();
  const totals: QuizFigures["totals"] = new Map();
  const distribution = emptyBins();
  for (const row of rows) {
    let quiz = quizzes.get(row.quizId);
    let sums = totals.get(row.quizId);
    if (!quiz || !sums) {
      quiz = { quizId: row.quizId, title: row.title, lessonId: row.lessonId, results: 0, average: null, passRate: null, distribution: emptyBins() };
      sums = { lessonId: row.lessonId, heldAt: row.heldAt, results: 0, total: 0, passed: 0 };
      quizzes.set(row.quizId, quiz);
      totals.set(row.quizId, sums);
    }
    if (row.bin === null) continue;
    sums.results += row.n;
    sums.total += row.total;
    sums.passed += row.passed;
    quiz.distribution[row.bin].count += row.n;
    distribution[row.bin].count += row.n;
  }
  return {
    quizzes: [...quizzes.values()].map((quiz) => {
      const sums = totals.get(quiz.quizId)!;
      return { ...quiz, results: sums.results, average: ratio(sums.total, sums.results), passRate: ratio(sums.passed, sums.results) };
    }),
    distribution,
    totals,
  };
}

/** 成绩册概览 from the gradebook's own loader over the course's students: one way to compute a grade. */
async function gradebookSummary(courseId: string, now: Date): Promise<GradebookSummary> {
  const members = await db.courseMember.findMany({ where: { courseId, role: "STUDENT" }, select: { userId: true } });
  return summarizeGradebook(await loadResults(courseId, members.map((member) => member.userId), now));
}

interface LessonFigures {
  measures: Measures;
  trend: WeekMeasures[];
  lessons: LessonRow[];
  asOf: Date | null;
}

/**
 * Lesson by lesson. The counts, the confidence per objective and the marked answers per quiz and question come from
 * the course's summaries (AnalyticsCount, as of `asOf`); the quizzes' results are live (`quizzes`).
 */
async function lessonFigures(course: CourseHeader, quizzes: QuizFigures, now: Date): Promise<LessonFigures> {
  const courseId = course.id;
  const starts = await termStartsOf([course.term], now);
  const termStart = starts.get(course.term)!;
  const asOf = await ensureSummaries([courseId], now);

  const [counts, lessons, objectives, objectiveTags, lessonCounts] = await Promise.all([
    readSubjectCounts(courseId),
    db.lesson.findMany({
      where: { courseId },
      orderBy: [{ position: "asc" }, { startsAt: "asc" }],
      select: { id: true, position: true, title: true, startsAt: true, preClass: { select: { status: true } } },
    }),
    db.lessonObjective.findMany({ where: { lesson: { courseId } }, orderBy: { position: "asc" }, select: { id: true, lessonId: true, text: true } }),
    // The tags of the answered questions that name an objective (目标:…).
    db.$queryRaw<{ id: string; tags: string[] }[]>`
      SELECT qu.id, qu.tags FROM "Question" qu
      WHERE qu.id IN (SELECT split_part("subjectId", '/', 2) FROM "AnalyticsCount" WHERE "courseId" = ${courseId} AND kind = 'question_answers')
        AND EXISTS (SELECT 1 FROM unnest(qu.tags) tag WHERE starts_with(tag, ${OBJECTIVE_TAG_PREFIX}))`,
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
  ]);

  const rolled = rollUp(counts, [courseId]);
  const studentCount = rolled.total.students;
  const countByKey = new Map(lessonCounts.map((row) => [`${row.kind}:${row.lessonId}`, row]));
  const countOf = (kind: LessonCount["kind"], lessonId: string) => countByKey.get(`${kind}:${lessonId}`);
  const summaryByKey = new Map(counts.map((row) => [`${row.kind}:${row.subjectId}`, row]));
  const summaryOf = (kind: string, subjectId: string) => summaryByKey.get(`${kind}:${subjectId}`)?.a ?? 0;

  const tagsOf = new Map(objectiveTags.map((question) => [question.id, question.tags]));
  const answered: AnsweredQuestion[] = counts.flatMap((row) => {
    if (row.kind !== "question_answers") return [];
    const [quizId, questionId] = row.subjectId.split("/");
    const heldAt = quizzes.totals.get(quizId)?.heldAt;
    const tags = tagsOf.get(questionId);
    return heldAt && tags ? [{ heldAt, tags, total: row.a, answers: row.b }] : [];
  });
  const startsAtOf = new Map(lessons.map((lesson) => [lesson.id, lesson.startsAt]));
  const objectivesOf = new Map<string, LessonObjectiveConfidence[]>();
  for (const o of objectives) {
    const rated = summaryByKey.get(`objective_confidence:${o.id}`);
    const list = objectivesOf.get(o.lessonId) ?? [];
    list.push({
      objectiveId: o.id,
      text: o.text,
      meanConfidence: rated ? ratio(rated.a, rated.b) : null,
      ratings: rated?.b ?? 0,
      ...objectiveAfter(o.text, startsAtOf.get(o.lessonId)!, answered),
    });
    objectivesOf.set(o.lessonId, list);
  }
  const afterOf = (lessonId: string) => {
    const own = [...quizzes.totals.values()].filter((quiz) => quiz.lessonId === lessonId);
    const results = own.reduce((sum, quiz) => sum + quiz.results, 0);
    return {
      quizResults: results,
      quizAverage: ratio(own.reduce((sum, quiz) => sum + quiz.total, 0), results),
      quizPassRate: ratio(own.reduce((sum, quiz) => sum + quiz.passed, 0), results),
    };
  };

  return {
    measures: rolled.total,
    trend: rolled.byWeek,
    asOf,
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
  };
}

/**
 * 课程看板: lesson by lesson — feedback response and confidence before the lesson, quiz results after it, sign-in,
 * participation and 不懂 peaks — plus score distributions and a gradebook summary. For the course's teachers and
 * assistants and its department's admin ("grades.view").
 */
export async function getCourseDashboard(actor: Actor, courseId: string, now = new Date()): Promise<CourseDashboard> {
  const course = await authorizedCourse(actor, courseId);
  const [quizzes, gradebook] = await Promise.all([quizFigures(courseId), gradebookSummary(courseId, now)]);
  const lessons = await lessonFigures(course, quizzes, now);
  return { course, ...lessons, quizzes: quizzes.quizzes, distribution: quizzes.distribution, gradebook };
}

/** The lesson-by-lesson table alone (its export), as getCourseDashboard shows it. */
export async function getCourseLessons(actor: Actor, courseId: string, now = new Date()): Promise<LessonRow[]> {
  const course = await authorizedCourse(actor, courseId);
  return (await lessonFigures(course, await quizFigures(courseId), now)).lessons;
}

/** The quiz table alone (its export), as getCourseDashboard shows it. */
export async function getCourseQuizzes(actor: Actor, courseId: string): Promise<QuizSummaryRow[]> {
  await authorizedCourse(actor, courseId);
  return (await quizFigures(courseId)).quizzes;
}

/** The gradebook summary alone (its export), as getCourseDashboard shows it. */
export async function getCourseGradebookSummary(actor: Actor, courseId: string, now = new Date()): Promise<GradebookSummary> {
  await authorizedCourse(actor, courseId);
  return gradebookSummary(courseId, now);
}
