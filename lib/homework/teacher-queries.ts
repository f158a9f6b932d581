import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { localValueOf } from "@/lib/preclass/local-datetime";
import { type ScoredRubric, criterionMapOf, scoredRubricOf } from "@/lib/rubric/rubric";
import { authorizeHomework } from "./authorize-homework";
import { dueAtFor } from "./due-at-for";
import { HOMEWORK_PAGE_SELECT, LATE_POLICY_SELECT, SUBMISSION_SELECT } from "./homework-select";
import { serverMaxFileMb } from "./save-homework";
import { type HomeworkFileType, isHomeworkFileType } from "./schemas";
import { type HomeworkStatusKey, submissionStatus } from "./status";

/** The course's homework with hand-in and grading counts (grades.view). */
export async function listCourseHomework(actor: Actor, courseId: string) {
  const access = await authorizeCourse(actor, courseId, "grades.view");
  const [homework, students] = await Promise.all([
    db.homework.findMany({
      where: { courseId: access.courseId },
      orderBy: [{ dueAt: "desc" }, { createdAt: "desc" }],
      select: {
        id: true,
        title: true,
        status: true,
        dueAt: true,
        points: true,
        gradesReleasedAt: true,
        lesson: { select: { title: true } },
        _count: { select: { submissions: true } },
        submissions: { where: { gradedAt: { not: null } }, select: { id: true } },
      },
    }),
    db.courseMember.count({ where: { courseId: access.courseId, role: "STUDENT" } }),
  ]);
  return {
    canManage: access.actions.has("coursework.manage"),
    students,
    homework: homework.map(({ _count, submissions, ...row }) => ({ ...row, submitted: _count.submissions, graded: submissions.length })),
  };
}

export interface HomeworkFormValues {
  title: string;
  instructions: string;
  lessonId: string;
  assessmentItemId: string;
  /** Asia/Shanghai datetime-local */
  dueAt: string;
  allowText: boolean;
  allowFiles: boolean;
  fileTypes: HomeworkFileType[];
  maxFiles: number;
  maxFileMb: number;
  latePolicy: "NONE" | "REJECT" | "DEDUCT";
  lateRate: number;
  lateInterval: "HOUR" | "DAY";
  lateMaxDeduction: number | null;
  lateFloor: number | null;
  points: number;
  rubric: ScoredRubric | null;
}

const WEEK_MS = 7 * 86_400_000;

/**
 * What the homework editor needs (coursework.manage): the values (defaults for a new one: due a week from now at
 * 23:59, PDF and images, no late policy), the course's lessons and assessment items to link to, and the limits.
 */
export async function getHomeworkEditor(actor: Actor, courseId: string, homeworkId?: string, now = new Date()) {
  const access = await authorizeCourse(actor, courseId, "coursework.manage");
  const [lessons, assessmentItems] = await Promise.all([
    db.lesson.findMany({ where: { courseId: access.courseId }, orderBy: [{ position: "asc" }, { startsAt: "asc" }], select: { id: true, title: true, startsAt: true } }),
    db.assessmentItem.findMany({ where: { courseId: access.courseId }, orderBy: { position: "asc" }, select: { id: true, name: true, weight: true } }),
  ]);
  const limits = { serverMaxFileMb: serverMaxFileMb() };
  if (!homeworkId) {
    const values: HomeworkFormValues = {
      title: "",
      instructions: "",
      lessonId: "",
      assessmentItemId: "",
      dueAt: `${localValueOf(new Date(now.getTime() + WEEK_MS)).slice(0, 10)}T23:59`,
      allowText: true,
      allowFiles: true,
      fileTypes: ["pdf", "jpg", "png", "docx"],
      maxFiles: 3,
      maxFileMb: Math.min(10, limits.serverMaxFileMb),
      latePolicy: "NONE",
      lateRate: 10,
      lateInterval: "DAY",
      lateMaxDeduction: 50,
      lateFloor: null,
      points: 100,
      rubric: null,
    };
    return { homeworkId: null, status: "DRAFT" as const, gradingStarted: false, values, lessons, assessmentItems, limits };
  }
  const homework = await db.homework.findFirst({
    where: { id: homeworkId, courseId: access.courseId },
    include: { _count: { select: { submissions: { where: { gradedAt: { not: null } } } } } },
  });
  if (!homework) throw new AppError("not_found");
  const values: HomeworkFormValues = {
    title: homework.title,
    instructions: homework.instructions,
    lessonId: homework.lessonId ?? "",
    assessmentItemId: homework.assessmentItemId ?? "",
    dueAt: localValueOf(homework.dueAt),
    allowText: homework.allowText,
    allowFiles: homework.allowFiles,
    fileTypes: homework.fileTypes.filter(isHomeworkFileType),
    maxFiles: homework.maxFiles,
    maxFileMb: homework.maxFileMb,
    latePolicy: homework.latePolicy,
    lateRate: homework.lateRate,
    lateInterval: homework.lateInterval,
    lateMaxDeduction: homework.lateMaxDeduction,
    lateFloor: homework.lateFloor,
    points: homework.points,
    rubric: scoredRubricOf(homework.rubric),
  };
  return {
    homeworkId: homework.id,
    status: homework.status,
    gradingStarted: homework._count.submissions > 0,
    values,
    lessons,
    assessmentItems,
    limits,
  };
}

export type HomeworkEditor = Awaited<ReturnType<typeof getHomeworkEditor>>;

/**
 * One homework with every student of the course (grades.view): status, due time (extension), submission and
 * grade. Students without a submission are listed too — they are who the teacher chases.
 */
export async function getHomeworkOverview(actor: Actor, homeworkId: string) {
  const access = await authorizeHomework(actor, homeworkId, "grades.view");
  const homework = await db.homework.findUniqueOrThrow({
    where: { id: homeworkId },
    select: {
      ...HOMEWORK_PAGE_SELECT,
      status: true,
      publishedAt: true,
      assessment: { select: { id: true, name: true, weight: true } },
      extensions: { select: { userId: true, dueAt: true } },
      submissions: {
        select: { id: true, userId: true, version: true, submittedAt: true, lateMinutes: true, rawScore: true, deduction: true, score: true, gradedAt: true, _count: { select: { files: true } } },
      },
    },
  });
  const members = await db.courseMember.findMany({
    where: { courseId: homework.courseId, role: "STUDENT" },
    select: { user: { select: { id: true, no: true, name: true, class: { select: { name: true } } } } },
    orderBy: { user: { no: "asc" } },
  });
  const extensionOf = new Map(homework.extensions.map((extension) => [extension.userId, extension.dueAt]));
  const submissionOf = new Map(homework.submissions.map((submission) => [submission.userId, submission]));
  const rows = members.map(({ user }) => {
    const submission = submissionOf.get(user.id) ?? null;
    const status: HomeworkStatusKey = submissionStatus(submission, true);
    return {
      userId: user.id,
      no: user.no,
      name: user.name,
      className: user.class?.name ?? null,
      extensionDueAt: extensionOf.get(user.id) ?? null,
      status,
      submission: submission && {
        id: submission.id,
        version: submission.version,
        submittedAt: submission.submittedAt,
        lateMinutes: submission.lateMinutes,
        files: submission._count.files,
        rawScore: submission.rawScore,
        deduction: submission.deduction,
        score: submission.score,
      },
    };
  });
  const { extensions: _extensions, submissions: _submissions, rubric, ...rest } = homework;
  return {
    homework: { ...rest, rubric: scoredRubricOf(rubric) },
    rows,
    counts: {
      students: rows.length,
      submitted: rows.filter((row) => row.status !== "not_submitted").length,
      late: rows.filter((row) => (row.submission?.lateMinutes ?? 0) > 0).length,
      graded: rows.filter((row) => row.status === "graded").length,
    },
    canManage: access.actions.has("coursework.manage"),
    canGrade: access.actions.has("grades.manage"),
  };
}

export type HomeworkOverview = Awaited<ReturnType<typeof getHomeworkOverview>>;

/** One submission with what grading needs (grades.view to look, grades.manage to grade). not_found outside the course. */
export async function getSubmissionForGrading(actor: Actor, courseId: string, submissionId: string) {
  const access = await authorizeCourse(actor, courseId, "grades.view");
  const submission = await db.homeworkSubmission.findFirst({
    where: { id: submissionId, homework: { courseId: access.courseId } },
    select: {
      ...SUBMISSION_SELECT,
      user: { select: { id: true, no: true, name: true } },
      homework: { select: { id: true, title: true, dueAt: true, points: true, rubric: true, ...LATE_POLICY_SELECT, gradesReleasedAt: true } },
    },
  });
  if (!submission) throw new AppError("not_found");
  const { homework, rubricLevels, criterionComments, ...rest } = submission;
  const { rubric, ...homeworkRest } = homework;
  const due = await dueAtFor(db, homework, submission.user.id);
  return {
    ...rest,
    rubricLevels: criterionMapOf(rubricLevels),
    criterionComments: criterionMapOf(criterionComments),
    dueAt: due.dueAt,
    extended: due.extended,
    homework: { ...homeworkRest, rubric: scoredRubricOf(rubric) },
    canGrade: access.actions.has("grades.manage"),
  };
}

export type SubmissionForGrading = Awaited<ReturnType<typeof getSubmissionForGrading>>;
