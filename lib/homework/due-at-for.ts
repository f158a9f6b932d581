import type { Tx } from "@/lib/db";

/** The due time that applies to one student: their extension's, or the homework's. */
export async function dueAtFor(
  client: Pick<Tx, "homeworkExtension">,
  homework: { id: string; dueAt: Date },
  userId: string,
): Promise<{ dueAt: Date; extended: boolean }> {
  const extension = await client.homeworkExtension.findUnique({
    where: { homeworkId_userId: { homeworkId: homework.id, userId } },
    select: { dueAt: true },
  });
  return extension ? { dueAt: extension.dueAt, extended: true } : { dueAt: homework.dueAt, extended: false };
}
