import type { Tx } from "@/lib/db";

// Lesson positions of a course are kept contiguous (0..n-1) by every change of the order.

/**
 * Serializes changes to one course's lesson order: the row lock taken by this update makes a concurrent create,
 * move or delete on PostgreSQL wait until this transaction ends, so two of them cannot read the same order.
 */
export async function lockLessonOrder(tx: Tx, courseId: string): Promise<void> {
  await tx.course.update({ where: { id: courseId }, data: { updatedAt: new Date() }, select: { id: true } });
}

export function listLessonOrder(tx: Tx, courseId: string) {
  return tx.lesson.findMany({
    where: { courseId },
    orderBy: [{ position: "asc" }, { startsAt: "asc" }, { id: "asc" }],
    select: { id: true, position: true },
  });
}

/** Gives each lesson its index in `order` as position, writing only the rows that change. */
export async function writeLessonOrder(tx: Tx, order: readonly { id: string; position: number }[]): Promise<void> {
  for (const [index, lesson] of order.entries()) {
    if (lesson.position !== index) await tx.lesson.update({ where: { id: lesson.id }, data: { position: index } });
  }
}
