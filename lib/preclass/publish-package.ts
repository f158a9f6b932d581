import { type Actor, authorizeLesson } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { raiseEvent } from "@/lib/events/raise-event";
import { instantOfLocal } from "./local-datetime";
import { ensurePackage } from "./package-row";
import { type PublishPackageInput, PublishPackageSchema } from "./schemas";

/**
 * Publishes the package for the window [opensAt, closesAt) (Asia/Shanghai inputs), or moves the window of a published
 * one. A case must be confirmed de-identified first. "preclass.published" is raised when it goes out, not on a
 * window change.
 */
export async function publishPackage(actor: Actor, input: PublishPackageInput): Promise<{ lessonId: string; packageId: string }> {
  const data = PublishPackageSchema.parse(input);
  const { courseId } = await authorizeLesson(actor, data.lessonId, "course.edit");
  const opensAt = instantOfLocal(data.opensAt);
  const closesAt = instantOfLocal(data.closesAt);
  if (closesAt <= opensAt) throw new AppError("preclass.closes_before_opens");
  const now = new Date();
  if (closesAt <= now) throw new AppError("preclass.closes_in_past");
  return db.$transaction(async (tx) => {
    const pkg = await ensurePackage(tx, data.lessonId);
    const clinicalCase = await tx.clinicalCase.findUnique({ where: { lessonId: data.lessonId }, select: { deidentified: true } });
    if (clinicalCase && !clinicalCase.deidentified) throw new AppError("preclass.not_deidentified");
    const wasPublished = pkg.status === "PUBLISHED";
    await tx.preClassPackage.update({
      where: { id: pkg.id },
      data: { status: "PUBLISHED", opensAt, closesAt, publishedAt: wasPublished ? pkg.publishedAt : now },
    });
    if (!wasPublished) {
      await raiseEvent(tx, { type: "preclass.published", courseId, lessonId: data.lessonId, subjectId: pkg.id, payload: { packageId: pkg.id } });
    }
    return { lessonId: data.lessonId, packageId: pkg.id };
  });
}
