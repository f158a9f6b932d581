import { type Actor, authorizeCourse } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type UpdateCourseIntroInput, UpdateCourseIntroSchema, weightsAreComplete } from "./schemas";

/**
 * Saves the course intro. Objectives and the assessment scheme are replaced as a whole, in the same transaction as
 * the course fields, so readers never see a half-saved scheme whose weights do not add up.
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
    await tx.assessmentItem.deleteMany({ where: { courseId } });
    await tx.assessmentItem.createMany({
      data: data.assessments.map((item, position) => ({ courseId, position, ...item })),
    });
  });
  return { courseId };
}
