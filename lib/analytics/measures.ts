import type { CountRow } from "./collect-measures";

/** The measures shown for a course, a class, a week or a whole department. Rates are 0–1, null when nothing was due. */
export interface Measures {
  students: number;
  preClassRate: number | null;
  participationRate: number | null;
  signInRate: number | null;
  /** Mean quiz result, percent 0–100. */
  quizAverage: number | null;
  quizPassRate: number | null;
  quizResults: number;
  homeworkOnTimeRate: number | null;
  homeworkSubmitted: number;
  /** Mean overall evaluation rating 1–5 (evaluations with enough responses only). */
  evaluationMean: number | null;
  evaluationResponses: number;
  bindingRate: number | null;
  deliveryRate: number | null;
  pushes: number;
}

/** Numerators and denominators, so that courses and weeks add up before any rate is formed. */
interface Sums {
  students: number;
  bound: number;
  preDone: number;
  preExpected: number;
  signDone: number;
  signExpected: number;
  topicDone: number;
  topicExpected: number;
  quizCount: number;
  quizSum: number;
  quizPassed: number;
  hwOnTime: number;
  hwSubmitted: number;
  hwExpected: number;
  evalSum: number;
  evalCount: number;
  pushOk: number;
  pushFailed: number;
}

const emptySums = (): Sums => ({
  students: 0,
  bound: 0,
  preDone: 0,
  preExpected: 0,
  signDone: 0,
  signExpected: 0,
  topicDone: 0,
  topicExpected: 0,
  quizCount: 0,
  quizSum: 0,
  quizPassed: 0,
  hwOnTime: 0,
  hwSubmitted: 0,
  hwExpected: 0,
  evalSum: 0,
  evalCount: 0,
  pushOk: 0,
  pushFailed: 0,
});

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

function measuresOf(sums: Sums): Measures {
  return {
    students: sums.students,
    preClassRate: ratio(sums.preDone, sums.preExpected),
    participationRate: ratio(sums.topicDone, sums.topicExpected),
    signInRate: ratio(sums.signDone, sums.signExpected),
    quizAverage: ratio(sums.quizSum, sums.quizCount),
    quizPassRate: ratio(sums.quizPassed, sums.quizCount),
    quizResults: sums.quizCount,
    homeworkOnTimeRate: ratio(sums.hwOnTime, sums.hwExpected),
    homeworkSubmitted: sums.hwSubmitted,
    evaluationMean: ratio(sums.evalSum, sums.evalCount),
    evaluationResponses: sums.evalCount,
    bindingRate: ratio(sums.bound, sums.students),
    deliveryRate: ratio(sums.pushOk, sums.pushOk + sums.pushFailed),
    pushes: sums.pushOk + sums.pushFailed,
  };
}

/** Adds one count row of a course with `students` students into `sums`. */
function addRow(sums: Sums, row: CountRow, students: number) {
  switch (row.kind) {
    case "students":
      sums.students += row.a;
      sums.bound += row.b;
      break;
    case "pre_units":
      sums.preExpected += row.a * students;
      break;
    case "pre_done":
      sums.preDone += row.a;
      break;
    case "sign_units":
      sums.signExpected += row.a * students;
      break;
    case "sign_done":
      sums.signDone += row.a;
      break;
    case "topic_units":
      sums.topicExpected += row.a * students;
      break;
    case "topic_done":
      sums.topicDone += row.a;
      break;
    case "quiz":
      sums.quizCount += row.a;
      sums.quizSum += row.b;
      sums.quizPassed += row.c;
      break;
    case "hw_units":
      sums.hwExpected += row.a * students;
      break;
    case "hw_done":
      sums.hwOnTime += row.a;
      sums.hwSubmitted += row.b;
      break;
    case "push":
      sums.pushOk += row.a;
      sums.pushFailed += row.b;
      break;
    case "eval":
      sums.evalSum += row.a;
      sums.evalCount += row.b;
      break;
  }
}

export interface WeekMeasures extends Measures {
  week: number;
}

export interface RolledUp {
  byCourse: Map<string, Measures>;
  total: Measures;
  byWeek: WeekMeasures[];
}

/** Per course, overall and per week of term. A week's students are those of the courses active that week. */
export function rollUp(rows: readonly CountRow[], courseIds: readonly string[]): RolledUp {
  const studentsOf = new Map<string, number>();
  for (const row of rows) if (row.kind === "students") studentsOf.set(row.courseId, (studentsOf.get(row.courseId) ?? 0) + row.a);
  const courseSums = new Map(courseIds.map((id) => [id, emptySums()]));
  const total = emptySums();
  const weekSums = new Map<number, Sums>();
  const weekCourses = new Map<number, Set<string>>();
  for (const row of rows) {
    const students = studentsOf.get(row.courseId) ?? 0;
    const course = courseSums.get(row.courseId);
    if (course) addRow(course, row, students);
    addRow(total, row, students);
    if (row.week === null) continue;
    if (!weekSums.has(row.week)) weekSums.set(row.week, emptySums());
    addRow(weekSums.get(row.week)!, row, students);
    if (!weekCourses.has(row.week)) weekCourses.set(row.week, new Set());
    weekCourses.get(row.week)!.add(row.courseId);
  }
  const byWeek = [...weekSums.entries()]
    .sort(([a], [b]) => a - b)
    .map(([week, sums]) => {
      const students = [...(weekCourses.get(week) ?? [])].reduce((sum, id) => sum + (studentsOf.get(id) ?? 0), 0);
      // Binding is a state, not something that happens in a week: the trend leaves it out.
      return { week, ...measuresOf({ ...sums, students }), bindingRate: null };
    });
  return {
    byCourse: new Map([...courseSums].map(([id, sums]) => [id, measuresOf(sums)])),
    total: measuresOf(total),
    byWeek,
  };
}
