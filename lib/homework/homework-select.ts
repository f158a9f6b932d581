import type { Prisma } from "@/generated/prisma/client";

/** A homework's late policy, as lateDeduction and finalScore read it. */
export const LATE_POLICY_SELECT = {
  latePolicy: true,
  lateRate: true,
  lateInterval: true,
  lateMaxDeduction: true,
  lateFloor: true,
} satisfies Prisma.HomeworkSelect;

/** A homework as its student's page and the teacher's overview show it: instructions, hand-in rules, late policy, grading. */
export const HOMEWORK_PAGE_SELECT = {
  id: true,
  courseId: true,
  title: true,
  instructions: true,
  dueAt: true,
  points: true,
  rubric: true,
  allowText: true,
  allowFiles: true,
  fileTypes: true,
  maxFiles: true,
  maxFileMb: true,
  ...LATE_POLICY_SELECT,
  gradesReleasedAt: true,
  lesson: { select: { id: true, title: true } },
} satisfies Prisma.HomeworkSelect;

/** A submission with its files and grade, as its student and its grader see it. */
export const SUBMISSION_SELECT = {
  id: true,
  text: true,
  version: true,
  submittedAt: true,
  lateMinutes: true,
  rubricLevels: true,
  criterionComments: true,
  rawScore: true,
  deduction: true,
  score: true,
  feedback: true,
  gradedAt: true,
  files: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, mimeType: true, size: true } },
} satisfies Prisma.HomeworkSubmissionSelect;
