import { createTranslator } from "next-intl";
import type { Actor } from "@/lib/auth/authz";
import { AppError } from "@/lib/errors";
import { shanghaiParts } from "@/lib/lesson/local-time";
import messages from "@/messages/zh-CN/analytics.json";
import type { AtRiskReason } from "./at-risk-rules";
import { getAtRiskStudents } from "./at-risk";
import { getCompetencyView } from "./competencies";
import { getCourseGradebookSummary, getCourseLessons, getCourseQuizzes } from "./course-dashboard";
import { getClassDashboard, getDepartmentDashboard } from "./department-dashboard";
import { type ExportColumn, type ExportFile, type ExportFormat, exportFile } from "./export";
import { getItemAnalysis } from "./get-item-analysis";
import type { ItemFlag } from "./item-analysis";
import type { Measures } from "./measures";
import { getStudentAnalytics } from "./student-analytics";

/*
 * Every analytics table as a download. Each goes through the same lib function (and so the same authorization) as
 * its page, or the part of it that builds the table; headers are Chinese (the spreadsheets go to 教学办 and the 教务处), from messages/zh-CN/analytics.json.
 */

export const EXPORT_TABLES = [
  "department-courses",
  "department-trend",
  "class-courses",
  "course-lessons",
  "course-quizzes",
  "course-gradebook",
  "student-courses",
  "student-timeline",
  "at-risk",
  "item-analysis",
  "competencies",
] as const;
export type ExportTableName = (typeof EXPORT_TABLES)[number];

export const isExportTable = (name: string): name is ExportTableName => (EXPORT_TABLES as readonly string[]).includes(name);

export type ExportParams = Partial<Record<"departmentId" | "term" | "classId" | "courseId" | "studentId" | "quizId", string>>;

const t = createTranslator({ locale: "zh-CN", messages: { analytics: messages }, namespace: "analytics" });

const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
const dateTime = (at: Date | null) => (at ? `${shanghaiParts(at).date} ${shanghaiParts(at).time}` : null);

export function reasonText(reason: AtRiskReason): string {
  switch (reason.code) {
    case "falling_scores":
      return t("reasons.falling_scores", { recent: round1(reason.recent)!, earlier: round1(reason.earlier)! });
    case "low_scores":
      return t("reasons.low_scores", { recent: round1(reason.recent)! });
    case "missed_preclass":
      return t("reasons.missed_preclass", { missed: reason.missed, due: reason.due });
    case "absences":
      return t("reasons.absences", { absent: reason.absent, held: reason.held });
    case "inactive":
      return t("reasons.inactive", { days: reason.days });
  }
}

type MeasureKey = keyof Measures;

const MEASURE_COLUMNS: { key: MeasureKey; format: "integer" | "percent" | "decimal"; digits?: number }[] = [
  { key: "students", format: "integer" },
  { key: "preClassRate", format: "percent" },
  { key: "participationRate", format: "percent" },
  { key: "signInRate", format: "percent" },
  { key: "quizAverage", format: "decimal", digits: 1 },
  { key: "quizPassRate", format: "percent" },
  { key: "homeworkOnTimeRate", format: "percent" },
  { key: "evaluationMean", format: "decimal", digits: 2 },
  { key: "evaluationResponses", format: "integer" },
  { key: "bindingRate", format: "percent" },
  { key: "deliveryRate", format: "percent" },
];

function measureColumns<Row extends Measures>(omit: readonly MeasureKey[] = []): ExportColumn<Row>[] {
  return MEASURE_COLUMNS.filter((column) => !omit.includes(column.key)).map(({ key, format, digits }) => ({
    header: t(`measures.${key}`),
    format,
    value: (row: Row) => {
      const value = row[key];
      return digits === undefined || value === null ? value : Math.round(value * 10 ** digits) / 10 ** digits;
    },
  }));
}

const stamp = (now: Date) => shanghaiParts(now).date;

/** Builds the file for one table; throws not_found / auth.forbidden exactly as the page would. */
export async function exportAnalyticsTable(actor: Actor, table: string, params: ExportParams, format: ExportFormat, now = new Date()): Promise<ExportFile> {
  if (!isExportTable(table)) throw new AppError("analytics.unknown_table");
  const name = `${t(`tables.${table}`)}-${stamp(now)}`;
  const filters = { departmentId: params.departmentId, term: params.term, classId: params.classId, courseId: params.courseId };
  switch (table) {
    case "department-courses":
    case "class-courses": {
      const dashboard =
        table === "department-courses"
          ? await getDepartmentDashboard(actor, filters, now)
          : await getClassDashboard(actor, params.classId ?? "", filters, now);
      type Row = (typeof dashboard.courses)[number];
      const columns: ExportColumn<Row>[] = [
        { header: t("columns.department"), value: (r) => r.departmentName },
        { header: t("columns.code"), value: (r) => r.code },
        { header: t("columns.course"), value: (r) => r.title },
        { header: t("columns.term"), value: (r) => r.term },
        ...measureColumns<Row>(),
      ];
      return exportFile({ sheet: t(`tables.${table}`), columns, rows: dashboard.courses }, name, format);
    }
    case "department-trend": {
      const { trend } = await getDepartmentDashboard(actor, filters, now);
      type Row = (typeof trend)[number];
      const columns: ExportColumn<Row>[] = [
        { header: t("columns.week"), value: (r) => r.week, format: "integer" },
        ...measureColumns<Row>(["bindingRate", "evaluationMean", "evaluationResponses"]),
      ];
      return exportFile({ sheet: t("tables.department-trend"), columns, rows: trend }, name, format);
    }
    case "course-lessons": {
      const lessons = await getCourseLessons(actor, params.courseId ?? "", now);
      type Row = (typeof lessons)[number];
      const columns: ExportColumn<Row>[] = [
        { header: t("columns.position"), value: (r) => r.position + 1, format: "integer" },
        { header: t("columns.lesson"), value: (r) => r.title },
        { header: t("columns.date"), value: (r) => dateTime(r.startsAt) },
        { header: t("columns.week"), value: (r) => r.week, format: "integer" },
        { header: t("columns.feedback"), value: (r) => r.feedback, format: "integer" },
        { header: t("columns.feedbackRate"), value: (r) => r.feedbackRate, format: "percent" },
        { header: t("columns.meanConfidence"), value: (r) => round1(r.meanConfidence), format: "decimal" },
        { header: t("columns.attended"), value: (r) => r.attended, format: "integer" },
        { header: t("measures.signInRate"), value: (r) => r.signInRate, format: "percent" },
        { header: t("columns.participants"), value: (r) => r.participants, format: "integer" },
        { header: t("measures.participationRate"), value: (r) => r.participationRate, format: "percent" },
        { header: t("columns.lost"), value: (r) => r.lost, format: "integer" },
        { header: t("columns.lostPeak"), value: (r) => r.lostPeak, format: "integer" },
        { header: t("columns.planAdjusted"), value: (r) => (r.planAdjusted ? t("columns.yes") : t("columns.no_")) },
        { header: t("measures.quizAverage"), value: (r) => round1(r.quizAverage), format: "decimal" },
        { header: t("measures.quizPassRate"), value: (r) => r.quizPassRate, format: "percent" },
      ];
      return exportFile({ sheet: t("tables.course-lessons"), columns, rows: lessons }, name, format);
    }
    case "course-quizzes": {
      const quizzes = await getCourseQuizzes(actor, params.courseId ?? "");
      type Row = (typeof quizzes)[number];
      const columns: ExportColumn<Row>[] = [
        { header: t("columns.quiz"), value: (r) => r.title },
        { header: t("columns.results"), value: (r) => r.results, format: "integer" },
        { header: t("columns.average"), value: (r) => round1(r.average), format: "decimal" },
        { header: t("columns.passRate"), value: (r) => r.passRate, format: "percent" },
        ...Array.from({ length: 10 }, (_, bin): ExportColumn<Row> => ({
          header: `${bin * 10}–${bin * 10 + 10}`,
          value: (r) => r.distribution[bin]?.count ?? 0,
          format: "integer",
        })),
      ];
      return exportFile({ sheet: t("tables.course-quizzes"), columns, rows: quizzes }, name, format);
    }
    case "course-gradebook": {
      const gradebook = await getCourseGradebookSummary(actor, params.courseId ?? "", now);
      type Row = Pick<(typeof gradebook.items)[number], "name" | "students" | "average"> & Partial<(typeof gradebook.items)[number]>;
      const columns: ExportColumn<Row>[] = [
        { header: t("columns.assessmentItem"), value: (r) => r.name },
        { header: t("columns.weight"), value: (r) => r.weight ?? null, format: "integer" },
        { header: t("columns.quizzes"), value: (r) => r.quizzes ?? null, format: "integer" },
        { header: t("columns.homework"), value: (r) => r.homework ?? null, format: "integer" },
        { header: t("columns.peerReviews"), value: (r) => r.peerReviews ?? null, format: "integer" },
        { header: t("columns.gradedStudents"), value: (r) => r.students, format: "integer" },
        { header: t("columns.average"), value: (r) => round1(r.average), format: "decimal" },
      ];
      // The items, then the course total by the scheme, as the page shows them.
      const rows: Row[] = [...gradebook.items, { name: t("columns.courseTotal"), ...gradebook.total }];
      return exportFile({ sheet: t("tables.course-gradebook"), columns, rows }, name, format);
    }
    case "student-courses":
    case "student-timeline": {
      const analytics = await getStudentAnalytics(actor, params.studentId ?? "", { term: params.term }, now);
      const fileName = `${analytics.student.no}-${name}`;
      if (table === "student-courses") {
        type Row = (typeof analytics.courses)[number];
        const columns: ExportColumn<Row>[] = [
          { header: t("columns.code"), value: (r) => r.code },
          { header: t("columns.course"), value: (r) => r.title },
          { header: t("columns.term"), value: (r) => r.term },
          ...measureColumns<Row>(["students", "evaluationMean", "evaluationResponses"]),
        ];
        return exportFile({ sheet: t("tables.student-courses"), columns, rows: analytics.courses }, fileName, format);
      }
      type Row = (typeof analytics.timeline)[number];
      const columns: ExportColumn<Row>[] = [
        { header: t("columns.date"), value: (r) => dateTime(r.at) },
        { header: t("columns.course"), value: (r) => r.courseTitle },
        { header: t("columns.kind"), value: (r) => t(`kinds.${r.kind}`) },
        { header: t("columns.title"), value: (r) => r.title },
        { header: t("columns.result"), value: (r) => timelineResult(r) },
      ];
      return exportFile({ sheet: t("tables.student-timeline"), columns, rows: analytics.timeline }, fileName, format);
    }
    case "at-risk": {
      const { rows } = await getAtRiskStudents(actor, filters, now);
      type Row = (typeof rows)[number];
      const columns: ExportColumn<Row>[] = [
        { header: t("columns.code"), value: (r) => r.courseCode },
        { header: t("columns.course"), value: (r) => r.courseTitle },
        { header: t("columns.no"), value: (r) => r.no },
        { header: t("columns.name"), value: (r) => r.name },
        { header: t("columns.class"), value: (r) => r.className },
        { header: t("columns.reasons"), value: (r) => r.reasons.map(reasonText).join("；") },
        { header: t("columns.lastActivity"), value: (r) => dateTime(r.lastActivityAt) },
      ];
      return exportFile({ sheet: t("tables.at-risk"), columns, rows }, name, format);
    }
    case "item-analysis": {
      const analysis = await getItemAnalysis(actor, params.quizId ?? "");
      type Row = (typeof analysis.items)[number];
      const columns: ExportColumn<Row>[] = [
        { header: t("columns.questionPosition"), value: (r) => r.position + 1, format: "integer" },
        { header: t("columns.questionType"), value: (r) => t(`questionTypes.${r.type}`) },
        { header: t("columns.stem"), value: (r) => r.stem.slice(0, 200) },
        { header: t("columns.tags"), value: (r) => r.tags.join("、") },
        { header: t("columns.attempts"), value: (r) => r.n, format: "integer" },
        { header: t("columns.difficulty"), value: (r) => (r.difficulty === null ? null : Math.round(r.difficulty * 100) / 100), format: "decimal" },
        { header: t("columns.discrimination"), value: (r) => (r.discrimination === null ? null : Math.round(r.discrimination * 100) / 100) },
        { header: t("columns.upperLower"), value: (r) => (r.upperLower === null ? null : Math.round(r.upperLower * 100) / 100) },
        {
          header: t("columns.options"),
          value: (r) => r.options.map((o) => `${o.correct ? "✓" : ""}${o.key}: ${o.count}/${o.upper}/${o.lower}`).join("  "),
        },
        { header: t("columns.flags"), value: (r) => r.flags.map((flag: ItemFlag) => t(`flags.${flag}`)).join("；") },
      ];
      return exportFile({ sheet: t("tables.item-analysis"), columns, rows: analysis.items }, `${analysis.quiz.title}-${name}`, format);
    }
    case "competencies": {
      const view = await getCompetencyView(actor, filters);
      type Row = (typeof view.competencies)[number];
      const columns: ExportColumn<Row>[] = [
        { header: t("columns.competencyCode"), value: (r) => r.code },
        { header: t("columns.competency"), value: (r) => r.name },
        { header: t("columns.tags"), value: (r) => r.tags.join("、") },
        { header: t("columns.objectives"), value: (r) => r.objectives, format: "integer" },
        { header: t("columns.questions"), value: (r) => r.questions, format: "integer" },
        { header: t("columns.answered"), value: (r) => r.answered, format: "integer" },
        { header: t("columns.attainment"), value: (r) => r.attainment, format: "percent" },
      ];
      return exportFile({ sheet: t("tables.competencies"), columns, rows: view.competencies }, name, format);
    }
  }
}

function timelineResult(item: { kind: string; status: string | null; value: number | null }): string | null {
  if (item.kind === "attendance" && item.status) return t(`attendance.${item.status as "PRESENT" | "LATE" | "ABSENT"}`);
  if (item.kind === "quiz" && item.value !== null) return t("timelineValue.quiz", { value: item.value });
  if (item.kind === "peer" && item.value !== null) return t("timelineValue.peer", { value: item.value });
  if (item.kind === "homework" && item.value !== null) {
    return item.value > 0 ? t("timelineValue.homeworkLate", { minutes: item.value }) : t("timelineValue.homeworkOnTime");
  }
  return null;
}
