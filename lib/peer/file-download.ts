import { type Actor, authorizeCourse, isWellFormedId } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { calibrationStateOf } from "./calibration";
import { genericFileName } from "./student-view";

export interface PeerFileDownload {
  storageKey: string;
  /** The name the browser is given: the uploaded one for staff and the author, 提交材料-n.ext for reviewers. */
  fileName: string;
  mimeType: string;
  size: number;
}

/**
 * A submission's file for those who may see it: course staff with grades.view, the author, and a student allocated to
 * review it once reviewing has opened (after calibration when required). Reviewers get a generic name, so the
 * download never carries the author's file name. Everyone else: not_found.
 */
export async function getPeerFileForDownload(actor: Actor, fileId: string): Promise<PeerFileDownload> {
  if (!isWellFormedId(fileId)) throw new AppError("not_found");
  const file = await db.peerSubmissionFile.findUnique({
    where: { id: fileId },
    select: {
      storageKey: true,
      fileName: true,
      mimeType: true,
      size: true,
      submission: {
        select: {
          authorId: true,
          files: { orderBy: { createdAt: "asc" }, select: { id: true } },
          activity: { select: { id: true, courseId: true, phase: true, calibrationRequired: true, calibrationThreshold: true } },
          assessments: { where: { reviewerId: actor.id, kind: "PEER" }, select: { id: true } },
        },
      },
    },
  });
  if (!file) throw new AppError("not_found");
  const { submission } = file;
  const access = await authorizeCourse(actor, submission.activity.courseId, "course.view").catch((error: unknown) => {
    throw error instanceof AppError && error.code === "auth.forbidden" ? new AppError("not_found") : error;
  });
  const own = { storageKey: file.storageKey, fileName: file.fileName, mimeType: file.mimeType, size: file.size };
  if (access.actions.has("grades.view")) return own;
  if (access.memberRole !== "STUDENT") throw new AppError("not_found");
  if (submission.authorId === actor.id) return own;
  const reviewing = ["ASSESSMENT", "GRADING", "CLOSED"].includes(submission.activity.phase);
  if (!reviewing || submission.assessments.length === 0) throw new AppError("not_found");
  if (!(await calibrationStateOf(db, submission.activity, actor.id)).passed) throw new AppError("not_found");
  const position = submission.files.findIndex((f) => f.id === fileId) + 1;
  return { ...own, fileName: genericFileName(position, file.fileName) };
}
