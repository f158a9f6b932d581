import { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { instantOfLocal } from "@/lib/preclass/local-datetime";
import { rubricMaxPoints, rubricOf, scoringShape } from "@/lib/rubric/rubric";
import { withIds } from "@/lib/rubric/with-ids";
import { uploadMaxBytes } from "@/lib/uploads/config";
import { LATE_POLICY_SELECT } from "./homework-select";
import { recomputeLateness } from "./recompute-lateness";
import { type SaveHomeworkInput, SaveHomeworkSchema } from "./schemas";

const MIB = 1024 * 1024;

/** The settings that decide when a student's work is late and what that costs. */
const DEADLINE_FIELDS = ["dueAt", "latePolicy", "lateRate", "lateInterval", "lateMaxDeduction", "lateFloor"] as const;
type DeadlineField = (typeof DEADLINE_FIELDS)[number];

const deadlineValue = (settings: { dueAt: Date } & Record<Exclude<DeadlineField, "dueAt">, string | number | null>, key: DeadlineField) =>
  key === "dueAt" ? settings.dueAt.toISOString() : settings[key];

/** The largest per-file limit a teacher may set: the server's UPLOAD_MAX_BYTES in whole MB (at least 1). */
export const serverMaxFileMb = (): number => Math.max(1, Math.floor(uploadMaxBytes() / MIB));

/**
 * Creates or updates a homework (coursework.manage). Published homework may still be edited — a moved due time or
 * a changed late policy is applied to the submissions already in — but once anything is graded the rubric's
 * levels and the points stay as they are, so no grade changes meaning behind the grader's back.
 */
export async function saveHomework(actor: Actor, input: SaveHomeworkInput): Promise<{ courseId: string; homeworkId: string }> {
  const data = SaveHomeworkSchema.parse(input);
  const access = await authorizeCourse(actor, data.courseId, "coursework.manage");
  const { courseId } = access;
  if (!data.allowText && !data.allowFiles) throw new AppError("homework.no_submission_kind");
  if (data.allowFiles && data.fileTypes.length === 0) throw new AppError("homework.no_file_types");
  if (data.lessonId && !(await db.lesson.findFirst({ where: { id: data.lessonId, courseId }, select: { id: true } }))) {
    throw new AppError("validation");
  }
  if (data.assessmentItemId && !(await db.assessmentItem.findFirst({ where: { id: data.assessmentItemId, courseId }, select: { id: true } }))) {
    throw new AppError("validation");
  }
  const rubric = data.rubric ? withIds(data.rubric) : null;
  const points = rubric ? rubricMaxPoints(rubric) : data.points;
  if (!(points > 0)) throw new AppError("validation");

  const fields = {
    title: data.title,
    instructions: data.instructions,
    lessonId: data.lessonId,
    assessmentItemId: data.assessmentItemId,
    dueAt: instantOfLocal(data.dueAt),
    allowText: data.allowText,
    allowFiles: data.allowFiles,
    fileTypes: data.fileTypes,
    maxFiles: data.maxFiles,
    maxFileMb: Math.min(data.maxFileMb, serverMaxFileMb()),
    latePolicy: data.latePolicy,
    lateRate: data.latePolicy === "DEDUCT" ? data.lateRate : 0,
    lateInterval: data.lateInterval,
    lateMaxDeduction: data.lateMaxDeduction,
    lateFloor: data.lateFloor,
    points,
    // A homework graded by points stores SQL NULL in the rubric column.
    rubric: rubric ?? Prisma.DbNull,
  };

  if (!data.homeworkId) {
    const created = await db.homework.create({ data: { courseId, createdById: actor.id, ...fields }, select: { id: true } });
    return { courseId, homeworkId: created.id };
  }
  const homeworkId = data.homeworkId;
  await db.$transaction(async (tx) => {
    const existing = await tx.homework.findFirst({
      where: { id: homeworkId, courseId },
      select: { points: true, rubric: true, status: true, dueAt: true, ...LATE_POLICY_SELECT },
    });
    if (!existing) throw new AppError("not_found");
    const graded = await tx.homeworkSubmission.count({ where: { homeworkId, gradedAt: { not: null } } });
    if (graded > 0 && (existing.points !== points || scoringShape(rubricOf(existing.rubric)) !== scoringShape(rubric))) {
      throw new AppError("homework.grading_started");
    }
    await tx.homework.update({ where: { id: homeworkId }, data: fields });
    const moved = await recomputeLateness(tx, homeworkId);
    // Students see a published homework's due time and late policy; changing them is a deadline (and maybe grade) change.
    const changed = DEADLINE_FIELDS.filter((key) => deadlineValue(existing, key) !== deadlineValue(fields, key));
    if (existing.status === "PUBLISHED" && changed.length > 0) {
      await writeAudit(tx, actor, "homework.deadline_change", homeworkId, {
        homeworkId,
        from: Object.fromEntries(changed.map((key) => [key, deadlineValue(existing, key)])),
        to: Object.fromEntries(changed.map((key) => [key, deadlineValue(fields, key)])),
        changes: moved,
      }, access);
    }
  });
  return { courseId, homeworkId };
}
