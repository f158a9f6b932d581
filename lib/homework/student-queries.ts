import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { criterionMapOf, scoredRubricOf } from "@/lib/rubric/rubric";
import { authorizeHomework } from "./authorize-homework";
import { dueAtFor } from "./due-at-for";
import { HOMEWORK_PAGE_SELECT, SUBMISSION_SELECT } from "./homework-select";
import { homeworkMaxBytes } from "./submit-homework";
import { isHomeworkFileType } from "./schemas";
import { submissionStatus } from "./status";

/**
 * The published homework of a course with this student's standing (coursework.submit), soonest due first: status,
 * their own due time (extension included) and, once released, the score. For the course's coursework list.
 */
export async function listHomeworkForStudent(actor: Actor, courseId: string) {
  const access = await authorizeCourse(actor, courseId, "coursework.submit");
  const homework = await db.homework.findMany({
    where: { courseId: access.courseId, status: "PUBLISHED" },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      title: true,
      dueAt: true,
      points: true,
      latePolicy: true,
      gradesReleasedAt: true,
      lessonId: true,
      extensions: { where: { userId: actor.id }, select: { dueAt: true } },
      submissions: { where: { userId: actor.id }, select: { submittedAt: true, lateMinutes: true, gradedAt: true, score: true } },
    },
  });
  return homework.map(({ extensions, submissions, gradesReleasedAt, dueAt, ...row }) => {
    const submission = submissions[0] ?? null;
    const released = gradesReleasedAt !== null;
    const status = submissionStatus(submission, released);
    return {
      ...row,
      dueAt: extensions[0]?.dueAt ?? dueAt,
      extended: extensions.length > 0,
      status,
      submittedAt: submission?.submittedAt ?? null,
      lateMinutes: submission?.lateMinutes ?? 0,
      score: status === "graded" ? submission!.score : null,
    };
  });
}

export type StudentHomeworkItem = Awaited<ReturnType<typeof listHomeworkForStudent>>[number];

/**
 * One published homework as its student sees it (coursework.submit): instructions, rules, their due time, their
 * submission and files, whether they can still hand in, and the grade with rubric and feedback only after release.
 */
export async function getHomeworkForStudent(actor: Actor, homeworkId: string, now = new Date()) {
  await authorizeHomework(actor, homeworkId, "coursework.submit");
  const homework = await db.homework.findUniqueOrThrow({
    where: { id: homeworkId },
    select: { ...HOMEWORK_PAGE_SELECT, course: { select: { title: true, titleEn: true } } },
  });
  const [due, submission] = await Promise.all([
    dueAtFor(db, homework, actor.id),
    db.homeworkSubmission.findUnique({
      where: { homeworkId_userId: { homeworkId, userId: actor.id } },
      select: SUBMISSION_SELECT,
    }),
  ]);
  const released = homework.gradesReleasedAt !== null;
  const gradeVisible = released && submission?.gradedAt != null;
  const { rubric, gradesReleasedAt: _released, fileTypes, ...rest } = homework;
  const closed = homework.latePolicy === "REJECT" && now > due.dueAt;
  return {
    ...rest,
    fileTypes: fileTypes.filter(isHomeworkFileType),
    maxBytes: homeworkMaxBytes(homework.maxFileMb),
    rubric: scoredRubricOf(rubric),
    dueAt: due.dueAt,
    originalDueAt: homework.dueAt,
    extended: due.extended,
    overdue: now > due.dueAt,
    // A graded submission is final; under REJECT the door shuts at the student's due time.
    canSubmit: !closed && !submission?.gradedAt,
    closed,
    status: submissionStatus(submission, released),
    submission: submission && {
      id: submission.id,
      text: submission.text,
      version: submission.version,
      submittedAt: submission.submittedAt,
      lateMinutes: submission.lateMinutes,
      files: submission.files,
    },
    grade: gradeVisible
      ? {
          rubricLevels: criterionMapOf(submission.rubricLevels),
          criterionComments: criterionMapOf(submission.criterionComments),
          rawScore: submission.rawScore,
          deduction: submission.deduction,
          score: submission.score,
          feedback: submission.feedback,
        }
      : null,
  };
}

export type StudentHomework = Awaited<ReturnType<typeof getHomeworkForStudent>>;
