import type { Actor } from "@/lib/auth/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeLiveStudent } from "./access";
import type { MyAttendance } from "./events";
import { publishAttendanceSoon } from "./publish";
import { findOpenSignIn } from "./queries";
import { takeLiveToken } from "./rate-limit";
import { type CheckInInput, CheckInSchema } from "./schemas";
import { isValidSignInCode } from "./signin-code";
import { myAttendanceView } from "./views";

/**
 * A student checks in with the code on the board: present until the sign-in's late mark, late after it. Checking in
 * again changes nothing; a student marked absent when an earlier sign-in closed can still check in to a new one.
 */
export async function checkIn(actor: Actor, input: CheckInInput): Promise<MyAttendance> {
  const data = CheckInSchema.parse(input);
  await takeLiveToken("checkIn", actor.id);
  const { courseId } = await authorizeLiveStudent(actor, data.lessonId);
  const session = await findOpenSignIn(data.lessonId);
  if (!session) throw new AppError("live.signin_closed");
  const now = new Date();
  const code = data.code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(code) || !isValidSignInCode(session.secret, code, now.getTime())) {
    throw new AppError("live.signin_code_invalid");
  }
  const status = now > session.lateAfter ? "LATE" : "PRESENT";
  const key = { lessonId_studentId: { lessonId: data.lessonId, studentId: actor.id } };
  const row = await db.$transaction(async (tx) => {
    const existing = await tx.attendance.findUnique({ where: key });
    if (existing && existing.status !== "ABSENT") return existing;
    return tx.attendance.upsert({
      where: key,
      create: { lessonId: data.lessonId, studentId: actor.id, status, checkedInAt: now },
      update: { status, checkedInAt: now },
    });
  });
  publishAttendanceSoon(data.lessonId, courseId);
  return myAttendanceView(row);
}
