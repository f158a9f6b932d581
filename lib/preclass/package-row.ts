import type { Tx } from "@/lib/db";

/**
 * The lesson's package row, created on first use: attachments need a package to belong to before the teacher has
 * saved anything. Safe against two first visits at once (the lesson id is unique).
 */
export async function ensurePackage(tx: Tx, lessonId: string) {
  await tx.preClassPackage.createMany({ data: [{ lessonId }], skipDuplicates: true });
  return tx.preClassPackage.findUniqueOrThrow({ where: { lessonId } });
}
