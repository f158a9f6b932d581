import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * What a note or thread is about: a lesson of the course, that lesson's clinical case, or (threads only) the course
 * as a whole. Ids from a form must name rows of the same course; anything else is not_found. Only a case the
 * teacher has confirmed as de-identified can be written about.
 */
export async function resolveSubject(
  courseId: string,
  input: { lessonId?: string; caseId?: string },
): Promise<{ lessonId: string | null; caseId: string | null }> {
  if (input.caseId) {
    const found = await db.clinicalCase.findFirst({
      where: { id: input.caseId, deidentified: true, lesson: { courseId } },
      select: { id: true, lessonId: true },
    });
    if (!found || (input.lessonId && input.lessonId !== found.lessonId)) throw new AppError("not_found");
    return { lessonId: found.lessonId, caseId: found.id };
  }
  if (input.lessonId) {
    const lesson = await db.lesson.findFirst({ where: { id: input.lessonId, courseId }, select: { id: true } });
    if (!lesson) throw new AppError("not_found");
    return { lessonId: lesson.id, caseId: null };
  }
  return { lessonId: null, caseId: null };
}
