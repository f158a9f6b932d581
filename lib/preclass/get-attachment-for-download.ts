import { type Actor, authorizeLesson } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isVisibleToStudents } from "./window";

/**
 * An attachment that the actor may download: anyone who may view the course, except that the course's students get
 * it only once the package is published and open (afterwards too). Everything else is not_found.
 */
export async function getAttachmentForDownload(actor: Actor, attachmentId: string) {
  const attachment = await db.attachment.findUnique({
    where: { id: attachmentId },
    select: {
      storageKey: true,
      fileName: true,
      mimeType: true,
      size: true,
      package: { select: { lessonId: true, status: true, opensAt: true, closesAt: true } },
    },
  });
  if (!attachment?.package) throw new AppError("not_found");
  const access = await authorizeLesson(actor, attachment.package.lessonId, "course.view").catch((error: unknown) => {
    // A visible course where viewing is not allowed still must not confirm that the file exists.
    throw error instanceof AppError && error.code === "auth.forbidden" ? new AppError("not_found") : error;
  });
  if (access.memberRole === "STUDENT" && !isVisibleToStudents(attachment.package)) throw new AppError("not_found");
  const { storageKey, fileName, mimeType, size } = attachment;
  return { storageKey, fileName, mimeType, size };
}
