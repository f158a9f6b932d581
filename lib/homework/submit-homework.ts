import type { Actor } from "@/lib/auth/authz";
import { type Tx, db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { awardPoints } from "@/lib/points/award-points";
import { type HomeworkWork, homeworkHasSubstance } from "@/lib/points/substance";
import { uploadMaxBytes } from "@/lib/uploads/config";
import { deleteUpload } from "@/lib/uploads/delete-upload";
import { type StoredUpload, storeUpload } from "@/lib/uploads/store-upload";
import { authorizeHomework } from "./authorize-homework";
import { dueAtFor } from "./due-at-for";
import { lateMinutesOf } from "./late-deduction";
import { HOMEWORK_FILE_TYPES, type SubmitHomeworkInput, SubmitHomeworkSchema, isHomeworkFileType } from "./schemas";

const MIB = 1024 * 1024;

/** The per-file limit in bytes: the homework's MB, never above the server's UPLOAD_MAX_BYTES. */
export const homeworkMaxBytes = (maxFileMb: number): number => Math.min(maxFileMb * MIB, uploadMaxBytes());

/** The upload module's refusals in this homework's words (its limits, not the pre-class ones). */
function asHomeworkError(error: unknown): unknown {
  if (!isAppError(error)) return error;
  if (error.code === "upload.wrong_type") return new AppError("homework.wrong_type");
  if (error.code === "upload.too_large") return new AppError("homework.file_too_large");
  return error;
}

/** homeworkHasSubstance, reading the other students' texts only when there are no files to go by. */
async function hasSubstance(tx: Tx, homeworkId: string, userId: string, work: HomeworkWork): Promise<boolean> {
  if (work.fileCount > 0) return homeworkHasSubstance(work, []);
  const others = await tx.homeworkSubmission.findMany({ where: { homeworkId, userId: { not: userId } }, select: { text: true } });
  return homeworkHasSubstance(work, others.map((other) => other.text));
}

export interface SubmitHomeworkResult {
  courseId: string;
  homeworkId: string;
  submissionId: string;
  version: number;
  lateMinutes: number;
}

/**
 * Hands in or replaces a student's homework (coursework.submit): the text, the files of the last version to keep,
 * and new files. Under REJECT nothing is accepted after the student's due time (their extension's, if any) and
 * nothing changes; otherwise a late submission is accepted and marked with its minutes late. A graded submission
 * is final. New files are checked and stored under random keys before the transaction and removed again if it
 * fails; files dropped from the submission are removed from disk after it commits. Work on time earns the
 * homework_on_time points once, when it has substance: a file, or text of the student's own (points/substance.ts).
 */
export async function submitHomework(actor: Actor, input: SubmitHomeworkInput, now = new Date()): Promise<SubmitHomeworkResult> {
  const { files = [], ...fields } = input;
  const data = SubmitHomeworkSchema.parse(fields);
  const { courseId } = await authorizeHomework(actor, data.homeworkId, "coursework.submit");
  const homework = await db.homework.findUniqueOrThrow({
    where: { id: data.homeworkId },
    select: { id: true, dueAt: true, latePolicy: true, allowText: true, allowFiles: true, fileTypes: true, maxFiles: true, maxFileMb: true },
  });
  const text = data.text.trim() ? data.text : "";
  if ((!homework.allowText && text) || (!homework.allowFiles && (files.length > 0 || data.keepFileIds.length > 0))) {
    throw new AppError("validation");
  }
  const { dueAt } = await dueAtFor(db, homework, actor.id);
  if (homework.latePolicy === "REJECT" && now > dueAt) throw new AppError("homework.closed");
  const keep = [...new Set(data.keepFileIds)];
  if (keep.length + files.length > homework.maxFiles) throw new AppError("homework.too_many_files");
  if (!text && keep.length + files.length === 0) throw new AppError("homework.empty");

  const maxBytes = homeworkMaxBytes(homework.maxFileMb);
  const allowed = homework.fileTypes.filter(isHomeworkFileType).map((type) => HOMEWORK_FILE_TYPES[type]);
  const stored: StoredUpload[] = [];
  let removedKeys: string[] = [];
  let result: SubmitHomeworkResult;
  try {
    for (const file of files) {
      if (file.bytes.length > maxBytes) throw new AppError("homework.file_too_large");
      stored.push(await storeUpload(file.bytes, { fileName: file.fileName, allowed, maxBytes }).catch((error: unknown) => {
        throw asHomeworkError(error);
      }));
    }
    const lateMinutes = lateMinutesOf(now, dueAt);
    result = await db.$transaction(async (tx) => {
      // The upsert locks the student's row first, so two submissions at once are applied one after the other.
      const submission = await tx.homeworkSubmission.upsert({
        where: { homeworkId_userId: { homeworkId: homework.id, userId: actor.id } },
        create: { homeworkId: homework.id, userId: actor.id, text, submittedAt: now, lateMinutes },
        update: { text, submittedAt: now, lateMinutes, version: { increment: 1 } },
        select: { id: true, version: true, gradedAt: true, files: { select: { id: true, storageKey: true } } },
      });
      if (submission.gradedAt) throw new AppError("homework.already_graded");
      if (keep.some((id) => !submission.files.some((file) => file.id === id))) throw new AppError("validation");
      const removed = submission.files.filter((file) => !keep.includes(file.id));
      await tx.homeworkFile.deleteMany({ where: { id: { in: removed.map((file) => file.id) } } });
      await tx.homeworkFile.createMany({ data: stored.map((file) => ({ submissionId: submission.id, ...file })) });
      // Points only for work on time that is the student's own (seed 004); an edit that first makes it so earns them then.
      if (lateMinutes === 0 && (await hasSubstance(tx, homework.id, actor.id, { text, fileCount: keep.length + stored.length }))) {
        await awardPoints(tx, { userId: actor.id, courseId, reason: "homework_on_time", subjectId: homework.id });
      }
      removedKeys = removed.map((file) => file.storageKey);
      return { courseId, homeworkId: homework.id, submissionId: submission.id, version: submission.version, lateMinutes };
    });
  } catch (error) {
    await Promise.all(stored.map((file) => deleteUpload(file.storageKey)));
    throw error;
  }
  await Promise.all(removedKeys.map((key) => deleteUpload(key).catch(() => undefined)));
  return result;
}
