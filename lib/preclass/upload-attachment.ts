import { type Actor, authorizeLesson } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { uploadMaxBytes } from "@/lib/uploads/config";
import { deleteUpload } from "@/lib/uploads/delete-upload";
import { DOCUMENT_AND_IMAGE_TYPES } from "@/lib/uploads/file-types";
import { storeUpload } from "@/lib/uploads/store-upload";
import { PRECLASS_LIMITS } from "./schemas";

/** Preview material may come as PDF or an image. */
export const ATTACHMENT_TYPES = DOCUMENT_AND_IMAGE_TYPES;

export interface UploadAttachmentInput {
  packageId: string;
  fileName: string;
  bytes: Uint8Array;
}

/**
 * Adds a file to a package (course.edit). The file is checked and stored first, then recorded; if recording fails
 * the stored file is removed again, so a refused upload leaves neither a file nor a row.
 */
export async function uploadAttachment(actor: Actor, input: UploadAttachmentInput) {
  const pkg = await db.preClassPackage.findUnique({ where: { id: input.packageId }, select: { id: true, lessonId: true } });
  if (!pkg) throw new AppError("not_found");
  await authorizeLesson(actor, pkg.lessonId, "course.edit");
  if ((await db.attachment.count({ where: { packageId: pkg.id } })) >= PRECLASS_LIMITS.attachments) {
    throw new AppError("upload.too_many");
  }
  const stored = await storeUpload(input.bytes, { fileName: input.fileName, allowed: ATTACHMENT_TYPES, maxBytes: uploadMaxBytes() });
  try {
    return await db.$transaction(async (tx) => {
      // Touching the package locks its row, so two uploads at once cannot both take the last free place.
      await tx.preClassPackage.update({ where: { id: pkg.id }, data: { updatedAt: new Date() } });
      if ((await tx.attachment.count({ where: { packageId: pkg.id } })) >= PRECLASS_LIMITS.attachments) {
        throw new AppError("upload.too_many");
      }
      const attachment = await tx.attachment.create({
        data: { packageId: pkg.id, uploadedById: actor.id, ...stored },
        select: { id: true, fileName: true, mimeType: true, size: true },
      });
      return { ...attachment, lessonId: pkg.lessonId };
    });
  } catch (error) {
    await deleteUpload(stored.storageKey);
    throw error;
  }
}
