import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeLiveStudent } from "./access";
import { newId } from "./answer-store";
import { publishLostCountSoon } from "./publish";
import { takeLiveToken } from "./rate-limit";
import { type LessonRefInput, LessonRefSchema } from "./schemas";

/**
 * 不懂: a student signals being lost, at any moment of the lesson. Like answers, a press may come from the whole
 * class at once, so the write itself checks enrolment (the rule of lib/auth/authz.ts for students) and authz is
 * asked only to explain a refusal.
 */
export async function pressLost(actor: Actor, input: LessonRefInput): Promise<{ pressedAt: string }> {
  const { lessonId } = LessonRefSchema.parse(input);
  await takeLiveToken("lost", actor.id);
  const rows = await db.$queryRaw<{ createdAt: Date }[]>`
    INSERT INTO "LostSignal" (id, "lessonId", "studentId", "createdAt")
    SELECT ${newId()}, l.id, u.id, (now() AT TIME ZONE 'UTC')
    FROM "Lesson" l
    JOIN "CourseMember" m ON m."courseId" = l."courseId" AND m.role = 'STUDENT'
    JOIN "User" u ON u.id = m."userId" AND u.role = 'STUDENT' AND NOT u.disabled
    WHERE l.id = ${lessonId} AND u.id = ${actor.id}
    RETURNING "createdAt"`;
  if (!rows.length) {
    await authorizeLiveStudent(actor, lessonId);
    throw new AppError("conflict");
  }
  publishLostCountSoon(lessonId);
  return { pressedAt: rows[0].createdAt.toISOString() };
}
