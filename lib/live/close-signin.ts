import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeLiveTeacher } from "./access";
import type { AttendanceCounts, SignInView } from "./events";
import { publishAttendanceSoon, publishSignInClosed } from "./publish";
import { countAttendance } from "./queries";
import { type LessonRefInput, LessonRefSchema } from "./schemas";
import { signInView } from "./views";

/** Closes 签到: every enrolled student without a check-in is recorded absent. */
export async function closeSignIn(actor: Actor, input: LessonRefInput): Promise<{ signIn: SignInView; counts: AttendanceCounts }> {
  const { lessonId } = LessonRefSchema.parse(input);
  const { courseId } = await authorizeLiveTeacher(actor, lessonId);
  const session = await db.$transaction(async (tx) => {
    const open = await tx.signInSession.findFirst({ where: { lessonId, closedAt: null }, orderBy: { openedAt: "desc" } });
    if (!open) throw new AppError("live.signin_closed");
    const closedAt = new Date();
    await tx.signInSession.updateMany({ where: { lessonId, closedAt: null }, data: { closedAt } });
    const missing = await tx.courseMember.findMany({
      where: { courseId, role: "STUDENT", user: { attendance: { none: { lessonId } } } },
      select: { userId: true },
    });
    await tx.attendance.createMany({
      data: missing.map(({ userId }) => ({ lessonId, studentId: userId, status: "ABSENT" as const })),
      skipDuplicates: true,
    });
    return { ...open, closedAt };
  });
  const signIn = signInView(session);
  publishSignInClosed(lessonId, signIn);
  publishAttendanceSoon(lessonId, courseId);
  return { signIn, counts: await countAttendance(lessonId, courseId) };
}
