import { type Actor, authorizeLesson } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deleteUpload } from "@/lib/uploads/delete-upload";
import { type AttachmentRefInput, AttachmentRefSchema } from "./schemas";

/** Removes an attachment (course.edit): the row first, then the file, so a download never finds a row without a file. */
export async function deleteAttachment(actor: Actor, input: AttachmentRefInput): Promise<{ lessonId: string }> {
  const data = AttachmentRefSchema.parse(input);
  const attachment = await db.attachment.findUnique({
    where: { id: data.attachmentId },
    select: { id: true, storageKey: true, package: { select: { lessonId: true } } },
  });
  if (!attachment?.package) throw new AppError("not_found");
  await authorizeLesson(actor, attachment.package.lessonId, "course.edit");
  await db.attachment.delete({ where: { id: attachment.id } });
  try {
    await deleteUpload(attachment.storageKey);
  } catch (error) {
    // The attachment is gone for everyone; an orphaned file only costs disk space.
    console.error("[uploads] could not delete", attachment.storageKey, error);
  }
  return { lessonId: attachment.package.lessonId };
}
