import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { uploadMaxBytes } from "@/lib/uploads/config";
import { deleteUpload } from "@/lib/uploads/delete-upload";
import { sniffType } from "@/lib/uploads/sniff-type";
import { type StoredUpload, storeUpload } from "@/lib/uploads/store-upload";
import { LONG_TX, assertPhase, authorizeActivity } from "./activity";
import { runAllocationTx } from "./run-allocation";
import { PEER_FILE_TYPES, type SubmitWorkInput, SubmitWorkSchema, isPeerFileType } from "./schemas";
import { stripMetadata } from "./strip-metadata";

export interface SubmitWorkResult {
  courseId: string;
  activityId: string;
  submissionId: string;
  late: boolean;
}

/**
 * A student hands in or replaces their work (coursework.submit). In the submission phase it may be replaced as often
 * as wanted; after submissionClosesAt it is marked late. In the assessment phase a student who has not submitted
 * may still hand in once, late: the submission is folded into the allocation at once (existing reviews kept, the
 * latecomer given reviews to do). Files are checked by content, stripped of author metadata (strip-metadata.ts)
 * and stored under random keys before the transaction, and removed again if it fails.
 */
export async function submitWork(actor: Actor, input: SubmitWorkInput, now = new Date()): Promise<SubmitWorkResult> {
  const { files = [], ...fields } = input;
  const data = SubmitWorkSchema.parse(fields);
  const { activity } = await authorizeActivity(actor, data.activityId, "coursework.submit");
  assertPhase(activity, "SUBMISSION", "ASSESSMENT");
  const text = data.text.trim() ? data.text : "";
  if ((!activity.allowText && text) || (!activity.allowFiles && (files.length > 0 || data.keepFileIds.length > 0))) {
    throw new AppError("validation");
  }
  const keep = [...new Set(data.keepFileIds)];
  if (keep.length + files.length > activity.maxFiles) throw new AppError("upload.too_many");
  if (!text && keep.length + files.length === 0) throw new AppError("peer.empty_submission");
  const late = activity.submissionClosesAt !== null && now > activity.submissionClosesAt;

  const allowed = activity.fileTypes.filter(isPeerFileType).map((type) => PEER_FILE_TYPES[type]);
  const maxBytes = uploadMaxBytes();
  const stored: StoredUpload[] = [];
  let removedKeys: string[] = [];
  let result: SubmitWorkResult;
  try {
    for (const file of files) {
      if (file.bytes.length > maxBytes) throw new AppError("upload.too_large", { maxBytes });
      const type = sniffType(file.bytes);
      const bytes = type ? stripMetadata(file.bytes, type) : file.bytes;
      stored.push(await storeUpload(bytes, { fileName: file.fileName, allowed, maxBytes }));
    }
    result = await db.$transaction(async (tx) => {
      const existing = await tx.peerSubmission.findUnique({
        where: { activityId_authorId: { activityId: activity.id, authorId: actor.id } },
        select: { id: true, files: { select: { id: true, storageKey: true } } },
      });
      if (existing && activity.phase === "ASSESSMENT") throw new AppError("peer.submission_locked");
      if (keep.some((id) => !existing?.files.some((file) => file.id === id))) throw new AppError("validation");
      const submission = existing
        ? await tx.peerSubmission.update({ where: { id: existing.id }, data: { text, submittedAt: now, late }, select: { id: true } })
        : await tx.peerSubmission.create({ data: { activityId: activity.id, authorId: actor.id, text, submittedAt: now, late }, select: { id: true } });
      const removed = existing?.files.filter((file) => !keep.includes(file.id)) ?? [];
      await tx.peerSubmissionFile.deleteMany({ where: { id: { in: removed.map((file) => file.id) } } });
      await tx.peerSubmissionFile.createMany({ data: stored.map((file) => ({ submissionId: submission.id, ...file })) });
      // Only a first, late submission can arrive now (see above): give it reviewers and its author reviews to do.
      if (activity.phase === "ASSESSMENT") await runAllocationTx(tx, activity, now);
      removedKeys = removed.map((file) => file.storageKey);
      return { courseId: activity.courseId, activityId: activity.id, submissionId: submission.id, late };
    }, LONG_TX);
  } catch (error) {
    await Promise.all(stored.map((file) => deleteUpload(file.storageKey)));
    throw error;
  }
  await Promise.all(removedKeys.map((key) => deleteUpload(key).catch(() => undefined)));
  return result;
}
