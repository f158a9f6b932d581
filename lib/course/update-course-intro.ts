import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type UpdateCourseIntroInput, UpdateCourseIntroSchema, weightsAreComplete } from "./schemas";

/**
 * Saves the course intro. Objectives and the assessment scheme are saved as a whole, in the same transaction as
 * the course fields, so readers never see a half-saved scheme whose weights do not add up. Scheme items are updated
 * in place by id (quizzes, homework and peer reviews point at them); items without a known id are new, and items
 * left out are removed (their activities then count towards nothing until reassigned).
 */
export async function updateCourseIntro(actor: Actor, input: UpdateCourseIntroInput): Promise<{ courseId: string }> {
  const data = UpdateCourseIntroSchema.parse(input);
  const { courseId } = await authorizeCourse(actor, data.courseId, "course.edit");
  if (!weightsAreComplete(data.assessments)) throw new AppError("course.weights_not_100");
  await db.$transaction(async (tx) => {
    await tx.course.update({
      where: { id: courseId },
      data: { description: data.description, syllabus: data.syllabus, credits: data.credits, hours: data.hours },
    });
    await tx.courseObjective.deleteMany({ where: { courseId } });
    await tx.courseObjective.createMany({ data: data.objectives.map((text, position) => ({ courseId, position, text })) });
    const saved = new Set((await tx.assessmentItem.findMany({ where: { courseId }, select: { id: true } })).map((item) => item.id));
    const kept = data.assessments.filter((item) => item.id && saved.has(item.id)).map((item) => item.id!);
    await tx.assessmentItem.deleteMany({ where: { courseId, id: { notIn: kept } } });
    for (const [position, { id, ...item }] of data.assessments.entries()) {
      if (id && saved.has(id)) await tx.assessmentItem.update({ where: { id }, data: { position, ...item } });
      else await tx.assessmentItem.create({ data: { courseId, position, ...item } });
    }
  });
  return { courseId };
}
