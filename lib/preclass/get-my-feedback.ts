import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { authorizeEnrolledStudent } from "./student-access";

/** The signed-in student's own pre-class feedback for a lesson, or null before the first submission. */
export async function getMyFeedback(actor: Actor, lessonId: string) {
  await authorizeEnrolledStudent(actor, lessonId);
  return db.preClassFeedback.findUnique({
    where: { lessonId_studentId: { lessonId, studentId: actor.id } },
    select: {
      unclear: true,
      questions: true,
      createdAt: true,
      updatedAt: true,
      ratings: { select: { objectiveId: true, confidence: true } },
    },
  });
}

export type MyFeedback = NonNullable<Awaited<ReturnType<typeof getMyFeedback>>>;
